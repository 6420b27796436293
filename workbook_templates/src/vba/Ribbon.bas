Attribute VB_Name = "Ribbon"
' Callbacks for the Community Data ribbon tab (customUI14.xml).
' Each button runs one vcs-excel task in Python through xlwings. A task that
' this version of vcs-excel does not have yet answers "coming soon".
Option Explicit

Sub Ribbon_OnLoad(ribbon As IRibbonUI)
    ' Describe the VCS.* functions to Excel's Insert Function dialog, once the ribbon is
    ' up (Windows: xlwings functions need Windows; elsewhere this quietly does nothing).
    On Error Resume Next
    VCS.RegisterFunctions
End Sub

Private Sub RunTask(ByVal taskName As String)
    RunPython "import vcs_excel.excel as vcs; vcs.run('" & taskName & "')"
End Sub

Sub Ribbon_TagHeaders(control As IRibbonControl)
    RunTask "tag"
End Sub

Sub Ribbon_DataDictionary(control As IRibbonControl)
    RunTask "dictionary"
End Sub

Sub Ribbon_DescribeSheets(control As IRibbonControl)
    RunTask "inspect"
End Sub

Sub Ribbon_CheckData(control As IRibbonControl)
    RunTask "check"
End Sub

Sub Ribbon_StandardisedCopy(control As IRibbonControl)
    RunTask "standardise"
End Sub

Sub Ribbon_ClearCheckMarks(control As IRibbonControl)
    RunTask "clear_marks"
End Sub

Sub Ribbon_FindDuplicates(control As IRibbonControl)
    RunTask "dedupe"
End Sub

Sub Ribbon_ApplyReviewDecisions(control As IRibbonControl)
    RunTask "apply_decisions"
End Sub

Sub Ribbon_CompareWithPrevious(control As IRibbonControl)
    RunTask "compare"
End Sub

Sub Ribbon_SyncDirectory(control As IRibbonControl)
    RunTask "directory_sync"
End Sub

Sub Ribbon_EditMyEntry(control As IRibbonControl)
    RunTask "directory_form"
End Sub

Sub Ribbon_UpdateMyEntry(control As IRibbonControl)
    RunTask "directory_push"
End Sub

Sub Ribbon_FindServices(control As IRibbonControl)
    RunTask "find_services"
End Sub

Sub Ribbon_CommunityInsights(control As IRibbonControl)
    RunTask "insights"
End Sub

Sub Ribbon_Help(control As IRibbonControl)
    ' By its code name: a user may rename the Start sheet.
    Sheet1.Activate
    Sheet1.Range("A1").Select
End Sub
