"""Official documents of a meeting (Notula, Daftar Hadir, Surat Undangan, Susunan Acara).

data.py assembles what a document says (plain values, Indonesian formatting); render.py turns
that into HTML with the print templates; pdf.py turns HTML into PDF with WeasyPrint, through
fetcher.py, and caches the result by a hash of its content.
"""
