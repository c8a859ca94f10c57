"""The bundled mirror of the official sites, served on loopback for the demo and the tests."""

from monitor.mirror.server import CONTENT_TYPES, SITES, MirrorServer

__all__ = ["CONTENT_TYPES", "SITES", "MirrorServer"]
