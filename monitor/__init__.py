"""aiplus-monitor: tracks China's "AI+" policy targets.

The package is import-safe: importing it reads no environment, opens no
connection and starts nothing. Entry points are in :mod:`monitor.interfaces.cli`.
"""

__version__ = "0.1.0"
