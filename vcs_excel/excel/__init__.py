"""Excel through xlwings: the live-Excel Book and the ribbon entry point.

The only package that imports xlwings (a test checks it).
"""

from .book import ExcelBook
from .ribbon import run

__all__ = ["ExcelBook", "run"]
