"""Reading Chinese statistical statements: quantities, periods and the catalogue metrics they state.

Pure functions only. ``numbers`` turns written quantities into canonical values, ``periods``
resolves the date a figure refers to, ``statements`` finds catalogue metrics in sentences.
"""
