"""KotaCerdas Desktop: offline smart city self-assessment for city government agencies."""

__version__ = "0.1.0"
