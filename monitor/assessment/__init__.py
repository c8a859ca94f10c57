"""Assessment: loading targets.toml, the gap-to-target method, and assessing every target.

Depends on ``monitor.core`` and ``monitor.storage``.
"""
