"""Workbooks written cell by cell for the readers' tests (as a person fills them)."""

import openpyxl


def workbook(path, sheets: dict[str, list[list]]):
    """Write ``sheets`` (title to rows of cells) as an .xlsx workbook at ``path``."""
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for title, rows in sheets.items():
        ws = wb.create_sheet(title)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path
