"""The crawl: polite fetching, one cycle over the sources, recording each page, reparsing.

It is handed the sources and their scrapers (``monitor.service`` passes ``scrapers.registry()``);
it never imports ``scrapers``. Depends on ``monitor.core`` and ``monitor.storage``.
"""
