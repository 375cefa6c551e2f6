"""The few colours the app adds to the theme's: each says the same thing wherever it shows."""

from __future__ import annotations

ERROR_COLOUR = "#c62828"  # refused, failed, overdue
WARNING_COLOUR = "#e65100"  # due soon, a repeat caller
SUCCESS_COLOUR = "#2e7d32"  # saved

ERROR_STYLE = f"color: {ERROR_COLOUR};"
OVERDUE_STYLE = f"color: {ERROR_COLOUR}; font-weight: bold;"
WARNING_STYLE = f"color: {WARNING_COLOUR};"
DUE_SOON_STYLE = f"color: {WARNING_COLOUR}; font-weight: bold;"
SUCCESS_STYLE = f"color: {SUCCESS_COLOUR}; font-weight: bold;"
