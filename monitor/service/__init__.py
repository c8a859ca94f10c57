"""Running the service: the daily job, the worker and its schedule, status, the demo, logging,
and reading one page by hand. This layer wires the crawl to ``scrapers``.
"""
