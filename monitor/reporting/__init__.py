"""The daily report's delivery: gathering its data, rendering (``reports``), archiving, email
and the outbox. Depends on ``core``, ``storage``, ``assessment`` and ``reports``.
"""
