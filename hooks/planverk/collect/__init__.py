"""Collecting status through a spreadsheet: a workbook per plan out, a dated report in.

The people who follow up a plan collect status by sending a spreadsheet to the responsible
bodies. :mod:`.template` writes that workbook from the plan and its latest report;
:mod:`.read` reads a filled workbook (or a CSV in the same columns) with errors that name
sheet, row and column; :mod:`.write` turns the rows into a report file, its source text
and its entry in the document list. The columns are defined once, in :mod:`.columns`.
"""
