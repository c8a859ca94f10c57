"""What people use: the ``monitor`` command, its tables and its JSON records.

The only layer that formats or serialises for display; it calls the library below and holds
no SQL and no HTML.
"""
