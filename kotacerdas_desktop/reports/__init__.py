"""Printed reports: the evaluation sheet (lembar evaluasi) that the head of an agency signs.

Built with reportlab's platypus from small flowables (kop surat, dimension
tables, summary, signatures, verification block); no Qt here, so the command
line, the GUI and the tests produce the very same PDF.
"""
