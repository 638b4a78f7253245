"""geotimeline: from news articles to a geopolitical timeline."""

__version__ = "0.1.0"
