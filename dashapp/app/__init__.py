"""The dashboard: `create_app(store)` builds a Dash app that reads only through the Store."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import dash

from dashapp.app import callbacks, layout
from dashapp.app.articles import Extractor
from dashapp.app.shared import SerializedStore
from dashapp.models import Article, DocType, Extraction
from dashapp.store import Store

ASSETS = Path(__file__).with_name("assets")
DEFAULT_UPLOAD_LIMIT = 10 * 2**20


def make_extractor(gazetteer=None, doc_type: DocType = "news", implied: bool = False) -> Extractor:
    """The pipeline as the dashboard calls it; the gazetteer is loaded once, lazily."""
    loaded = {"gaz": gazetteer}

    def extract(articles: Sequence[Article]) -> Extraction:
        from dashapp.actors import Gazetteer
        from dashapp.pipeline import extract as run

        if loaded["gaz"] is None:
            loaded["gaz"] = Gazetteer.load()
        return run(list(articles), gazetteer=loaded["gaz"], doc_type=doc_type, implied=implied)

    return extract


def create_app(
    store: Store,
    *,
    data_dir: Path | None = None,
    upload_limit: int = DEFAULT_UPLOAD_LIMIT,
    gazetteer=None,
    doc_type: DocType = "news",
    implied: bool = False,
    extractor: Extractor | None = None,
    skipped: Sequence[str] = (),
) -> dash.Dash:
    """A Dash app on `store`. Uploaded files are saved under `data_dir/uploads` (not
    saved when `data_dir` is None). `skipped`: the input problems met at start ("FILE:
    reason"), shown in the page. Every asset is served from this machine."""
    app = dash.Dash(
        __name__,
        assets_folder=str(ASSETS),
        serve_locally=True,
        title="geotimeline",
        update_title=None,
        suppress_callback_exceptions=False,
        meta_tags=[{"name": "viewport", "content": "width=device-width, initial-scale=1"}],
    )
    # Base64 inflates an upload by 4/3; leave room for the rest of the request. Larger
    # requests are refused by Flask before they are read.
    app.server.config["MAX_CONTENT_LENGTH"] = upload_limit * 4 // 3 + 2**20
    raw = store.raw if isinstance(store, SerializedStore) else store
    in_memory = getattr(raw, "path", None) is None
    app.layout = layout.page(upload_limit=upload_limit, in_memory=in_memory, skipped=skipped)
    loaded = {"gaz": gazetteer}
    loading = threading.Lock()

    def gazetteer_of():
        """The gazetteer whose names the correction form accepts: the one given
        (--actors), else the packaged one with $GEOTIMELINE_ACTORS (Gazetteer.load, as
        the extractor loads it), loaded on first need."""
        with loading:
            if loaded["gaz"] is None:
                from dashapp.actors import Gazetteer

                loaded["gaz"] = Gazetteer.load()
            return loaded["gaz"]

    callbacks.register(
        app,
        store if isinstance(store, SerializedStore) else SerializedStore(store),  # type: ignore[arg-type]
        extractor=extractor or make_extractor(gazetteer, doc_type, implied),
        gazetteer=gazetteer_of,
        data_dir=Path(data_dir) if data_dir is not None else None,
        upload_limit=upload_limit,
        in_memory=in_memory,
    )

    @app.server.after_request
    def _headers(response):
        # Nothing is loaded from elsewhere: say so to the browser as well.
        response.headers.setdefault(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
            "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
            "font-src 'self' data:; connect-src 'self'; object-src 'none'; "
            "frame-ancestors 'self'; base-uri 'self'",
        )
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "no-referrer")
        return response

    return app


__all__ = ["SerializedStore", "create_app", "make_extractor"]
