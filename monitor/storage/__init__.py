"""Storage: the database schema and migrations, snapshots, observations with their validation
and review, alerts, and the read views ops use. Depends on ``monitor.core`` only.
"""
