"""Report rendering: Jinja2 templates and their one Environment (the report issue fills it)."""
