"""Tables out of the portal: .csv (UTF-8 with BOM, so that Excel reads it right) streamed row by
row, and .xlsx (openpyxl's write-only mode: typed cells, a frozen header row, column widths).
Each app's export view hands over a header, column widths and an iterator of rows."""

import csv
import datetime
import decimal
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from django.http import FileResponse, StreamingHttpResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

FORMATS = ("xlsx", "csv")
CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Column:
    title: str
    width: int = 16  # characters
    number_format: str = ""  # e.g. "dd-mm-yyyy" for dates


class _Echo:
    def write(self, value: str) -> str:
        return value


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def csv_response(filename: str, columns: Sequence[Column], rows: Iterable[Sequence]):
    """Streamed: a row is written as it is read, so memory stays flat however many rows."""
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff" + writer.writerow([column.title for column in columns])
        for row in rows:
            yield writer.writerow([_csv_value(value) for value in row])

    response = StreamingHttpResponse(lines(), content_type=CSV_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}.csv"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def _excel_value(value):
    if isinstance(value, datetime.datetime):
        # Excel has no time zones: the wall-clock time of the portal's zone.
        from django.utils import timezone

        return timezone.localtime(value).replace(tzinfo=None)
    if isinstance(value, decimal.Decimal):
        return float(value)
    return value


def xlsx_file(columns: Sequence[Column], rows: Iterable[Sequence], *, title: str):
    """A temporary file holding the workbook (write-only: rows go to disk as they come)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=title[:31])
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = column.width
    sheet.freeze_panes = "A2"
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, value=column.title)
        cell.font = Font(bold=True)
        cell.alignment = Alignment(vertical="top", wrap_text=True)
        header.append(cell)
    sheet.append(header)
    for row in rows:
        cells = []
        for column, value in zip(columns, row, strict=True):
            cell = WriteOnlyCell(sheet, value=_excel_value(value))
            if column.number_format and value is not None:
                cell.number_format = column.number_format
            cells.append(cell)
        sheet.append(cells)
    # Handed to the FileResponse, which closes it when the download is sent.
    handle = tempfile.TemporaryFile()  # noqa: SIM115
    workbook.save(handle)
    handle.seek(0)
    return handle


def xlsx_response(filename: str, columns, rows, *, title: str) -> FileResponse:
    return FileResponse(
        xlsx_file(columns, rows, title=title),
        as_attachment=True,
        filename=f"{filename}.xlsx",
        content_type=XLSX_TYPE,
        headers={"X-Content-Type-Options": "nosniff"},
    )


def table_response(fmt: str, filename: str, columns, rows, *, title: str):
    if fmt == "csv":
        return csv_response(filename, columns, rows)
    return xlsx_response(filename, columns, rows, title=title)
