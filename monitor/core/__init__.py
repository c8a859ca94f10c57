"""The small core every other part builds on: settings, errors, the catalogue, units, places,
the scraper contract and the domain types (targets, assessments, outcome words).

It imports nothing else of the project. ``scrapers`` and ``reports`` depend on it (and
``monitor.extract``) and on nothing else of ``monitor``.
"""
