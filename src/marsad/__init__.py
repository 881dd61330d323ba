"""marsad: Arabic news reports of armed attacks -> evidence-backed event records."""

__version__ = "0.1.0"
