"""Reading Chinese statistical statements: numerals, periods and the catalogue metrics they state.

Pure functions of text. ``numerals`` reads written numbers, ``periods`` resolves the date a
figure refers to, ``reader`` finds catalogue metrics in sentences. Depends on ``monitor.core``.
"""
