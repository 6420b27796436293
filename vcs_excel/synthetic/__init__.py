"""Seeded synthetic people and lists for the demo, tests and benchmarks."""

from .lists import SyntheticSheet, demo_lists, write_workbook
from .people import Person, generate_population, nhs_check_digit

__all__ = [
    "Person",
    "SyntheticSheet",
    "demo_lists",
    "generate_population",
    "nhs_check_digit",
    "write_workbook",
]
