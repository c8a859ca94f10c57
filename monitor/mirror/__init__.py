"""The bundled mirror of the official sites, served on loopback for the demo and the tests."""

from monitor.mirror.server import SITES, MirrorServer

__all__ = ["SITES", "MirrorServer"]
