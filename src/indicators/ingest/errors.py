"""One error type for everything the ingest refuses, so the message always says where."""


class IngestError(Exception):
    """Raised when a source file is missing, malformed or implausible.

    The message names the file, and where known the column and row, so that whoever
    maintains the data can find the offending cell without reading our code.
    """

    def __init__(self, file, message, column=None, row=None):
        self.file, self.column, self.row = str(file), column, row
        where = [self.file]
        if column is not None:
            where.append(f"column {column!r}")
        if row is not None:
            where.append(f"row {row}")
        super().__init__(f"{', '.join(where)}: {message}")
