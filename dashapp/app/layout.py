"""Component builders for the dashboard page. They hold no data: every option list and
value is filled by callbacks from the Store and the URL."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from dash import dcc, html

from dashapp.app.figures import FigureOptions, empty_spec, graph_config
from dashapp.app.filters import HIGH_CONFIDENCE
from dashapp.models import quoted_mention, support

# Component ids, in one place so callbacks and tests agree.
URL = "url"
ACTORS = "f-actors"
AFFILIATED = "f-affiliated"
TYPES = "f-types"
DATE_FROM = "f-from"
DATE_TO = "f-to"
DATES_MSG = "f-dates-msg"
ARTICLES = "f-articles"
CONFIDENCE = "f-confidence"
TEXT = "f-text"
LANE = "f-lane"
COLOR = "f-color"
CLEAR = "f-clear"
RESET = "reset-view"
GRAPH = "timeline"
SUMMARY = "summary"
TABLE = "event-table"
WINDOW = "window"  # {"rev": n}: bumped by Reset view (the zoom itself is in the URL)
DRAWN = "drawn"  # what the figure on the page was drawn for (update_view)
# a hand-written link as the controls name it, put in place of the address typed
# (callbacks.sync_url; the browser replaces the history entry, it adds none)
LINK_FIX = "link-fix"
LINK_FIXED = "link-fixed"
VERSION = "data-version"
SELECTED = "selected-event"
DETAILS = "details"
CORR_START = "corr-start"
CORR_END = "corr-end"
CORR_LABEL = "corr-label"
CORR_ACTORS = "corr-actors"
CORR_ACTOR_LIST = "corr-actor-names"  # the datalist of names the actors input suggests
CORR_SOURCE = "corr-source"
CORR_TARGET = "corr-target"
ACTOR_NAMES = "actor-names"  # every known actor name, loaded when an event is selected
CORR_SAVE = "corr-save"
CORR_MSG = "corr-msg"
UPLOAD = "upload"
UPLOAD_PAYLOAD = "upload-payload"
UPLOAD_MSG = "upload-msg"
PASTE_TITLE = "paste-title"
PASTE_DATE = "paste-date"
PASTE_URL = "paste-url"
PASTE_BODY = "paste-body"
PASTE_ADD = "paste-add"
REF_ARTICLE = "ref-article"
REF_DATE = "ref-date"
REF_APPLY = "ref-apply"
REF_MSG = "ref-msg"
EXPORT_TITLE = "export-title"
EXPORT_MSG = "export-msg"
DOWNLOAD = "download"
EXPORT_FORMATS = (
    ("png", "PNG (print)"),
    ("svg", "SVG"),
    ("pdf", "PDF"),
    ("csv", "Table CSV"),
    ("json", "Table JSON"),
    ("timelinejs", "TimelineJS"),
)
TABLE_NOTE = "table-note"
TABLE_PAGE = "table-page"
TABLE_PREV = "table-prev"
TABLE_NEXT = "table-next"


def export_button_id(fmt: str) -> str:
    return f"export-{fmt}"


def _field(label: str, control, for_id: str, *, hint: str | None = None) -> html.Div:
    children = [html.Label(label, htmlFor=for_id, className="field-label"), control]
    if hint:
        children.append(html.Div(hint, className="hint"))
    return html.Div(children, className="field")


def _radio_fieldset(
    legend: str, id_: str, options: list[tuple[str, str]], value: str
) -> html.Fieldset:
    """A labelled group of inline radio buttons (keyboard reachable, one legend)."""
    return html.Fieldset(
        [
            html.Legend(legend, className="field-label"),
            dcc.RadioItems(
                id=id_,
                options=[{"label": label, "value": v} for label, v in options],
                value=value,
                inline=True,
                className="radio",
            ),
        ],
        className="field fieldset",
    )


def filters_panel() -> html.Aside:
    return html.Aside(
        [
            html.H2("Filters", className="panel-title"),
            _field(
                "Actors",
                dcc.Dropdown(
                    id=ACTORS, multi=True, options=[], placeholder="Everyone", searchable=True
                ),
                ACTORS,
            ),
            dcc.Checklist(
                id=AFFILIATED,
                options=[{"label": " include people affiliated with them", "value": "aff"}],
                value=[],
                className="check",
                inputClassName="check-input",
            ),
            _field(
                "Event types",
                dcc.Dropdown(id=TYPES, multi=True, options=[], placeholder="All types"),
                TYPES,
            ),
            html.Div(
                [
                    _field(
                        "From",
                        dcc.Input(id=DATE_FROM, type="date", className="date-input"),
                        DATE_FROM,
                    ),
                    _field(
                        "To",
                        dcc.Input(id=DATE_TO, type="date", className="date-input"),
                        DATE_TO,
                    ),
                ],
                className="row2",
            ),
            html.Div(id=DATES_MSG, className="message", role="status", **{"aria-live": "polite"}),
            _field(
                "Articles",
                dcc.Dropdown(id=ARTICLES, multi=True, options=[], placeholder="All articles"),
                ARTICLES,
            ),
            dcc.Checklist(
                id=CONFIDENCE,
                options=[{"label": " hide low-confidence dates", "value": "high"}],
                value=[],
                className="check",
                inputClassName="check-input",
            ),
            html.Div(
                f"Confidence under {HIGH_CONFIDENCE:g}: a bare weekday with no tense cue, "
                "a weekday that may be the one just past, dates counted from such a date.",
                className="hint",
                id="f-confidence-hint",
            ),
            _field(
                "Search labels and sentences",
                dcc.Input(
                    id=TEXT,
                    type="search",
                    # applied on Enter or blur by sync_url (callbacks.py); not
                    # debounce=True, which scrambles fast typing (Dash 4.0)
                    debounce=False,
                    placeholder="e.g. talks",
                    className="text-input",
                ),
                TEXT,
                hint="Press Enter to search.",
            ),
            _radio_fieldset(
                "Lanes", LANE, [(" by actor", "actor"), (" by event type", "type")], "actor"
            ),
            _radio_fieldset(
                "Colour", COLOR, [(" by quad class", "quad"), (" by type", "type")], "quad"
            ),
            html.Button("Clear filters", id=CLEAR, className="button secondary", n_clicks=0),
        ],
        className="filters",
        **{"aria-label": "Filters"},
    )


def export_menu() -> html.Details:
    return html.Details(
        [
            html.Summary("Export", className="button"),
            html.Div(
                [
                    _field(
                        "Title",
                        dcc.Input(
                            id=EXPORT_TITLE,
                            type="text",
                            placeholder="Timeline title",
                            className="text-input",
                        ),
                        EXPORT_TITLE,
                    ),
                    html.Div(
                        [
                            html.Button(
                                label,
                                id=export_button_id(fmt),
                                n_clicks=0,
                                className="button small",
                            )
                            for fmt, label in EXPORT_FORMATS
                        ],
                        className="export-buttons",
                    ),
                    html.Div(id=EXPORT_MSG, className="message", role="status"),
                ],
                className="menu",
            ),
        ],
        className="export-menu",
    )


def header() -> html.Header:
    return html.Header(
        [
            html.H1("geotimeline", className="brand"),
            html.Div(id=SUMMARY, className="summary", role="status", **{"aria-live": "polite"}),
            html.Button("Reset view", id=RESET, n_clicks=0, className="button secondary"),
            export_menu(),
        ],
        className="header",
    )


def timeline_panel() -> html.Section:
    return html.Section(
        [
            dcc.Graph(
                id=GRAPH,
                figure=empty_spec("Loading…", FigureOptions(autosize=True)),
                config=graph_config("geotimeline"),
                className="graph",
                style={"height": "100%"},
            ),
        ],
        className="graph-panel",
        **{"aria-label": "Timeline"},
    )


def table_panel() -> html.Section:
    # The rows are one Markdown component holding HTML the server writes (escaped, see
    # events_table): as a Dash component each cell and button made the renderer spend
    # seconds on every redraw. Buttons open details through assets/table.js.
    return html.Section(
        [
            html.Div(
                [
                    html.Div(id=TABLE_NOTE, className="table-note", role="status"),
                    html.Button(
                        "‹ Previous",
                        id=TABLE_PREV,
                        n_clicks=0,
                        disabled=True,
                        className="button small secondary",
                        **{"aria-label": "Previous page of events"},
                    ),
                    html.Button(
                        "Next ›",
                        id=TABLE_NEXT,
                        n_clicks=0,
                        disabled=True,
                        className="button small secondary",
                        **{"aria-label": "Next page of events"},
                    ),
                ],
                className="table-bar",
            ),
            dcc.Markdown(
                id=TABLE, className="table-wrap", dangerously_allow_html=True, dedent=False
            ),
        ],
        className="table-panel",
        **{"aria-label": "Events shown"},
    )


MEMORY_NOTE = (
    "This store is in memory: corrections are kept until the server stops; "
    "serve with --db FILE to keep corrections."
)


def _names_input(id_: str) -> dcc.Input:
    """A text box for actor names, suggesting the known ones (CORR_ACTOR_LIST)."""
    return dcc.Input(
        id=id_, type="text", className="text-input", list=CORR_ACTOR_LIST, autoComplete="off"
    )


def details_section(*, in_memory: bool = False) -> html.Details:
    return html.Details(
        [
            html.Summary("Event details", className="section-title"),
            html.Div(
                html.P(
                    "Click an event on the timeline or a row's “Details” button.", className="hint"
                ),
                id=DETAILS,
            ),
            html.Div(
                [
                    html.H3("Correct this event", className="sub-title"),
                    html.Div(
                        [
                            _field(
                                "First day",
                                dcc.Input(id=CORR_START, type="date", className="date-input"),
                                CORR_START,
                            ),
                            _field(
                                "Last day",
                                dcc.Input(id=CORR_END, type="date", className="date-input"),
                                CORR_END,
                            ),
                        ],
                        className="row2",
                    ),
                    _field(
                        "Label",
                        dcc.Input(id=CORR_LABEL, type="text", className="text-input"),
                        CORR_LABEL,
                    ),
                    _field(
                        "Actors (comma-separated)",
                        _names_input(CORR_ACTORS),
                        CORR_ACTORS,
                        hint="Any actor the store or the gazetteer knows, by name or alias, "
                        "in any letter case (USA, putin).",
                    ),
                    html.Datalist(id=CORR_ACTOR_LIST, children=[]),
                    html.Div(
                        [
                            _field("Who acts (source)", _names_input(CORR_SOURCE), CORR_SOURCE),
                            _field("Acted on (target)", _names_input(CORR_TARGET), CORR_TARGET),
                        ],
                        className="row2",
                    ),
                    html.Div("One of the actors above each, or empty for none.", className="hint"),
                    html.Button("Save correction", id=CORR_SAVE, n_clicks=0, className="button"),
                    html.Div(id=CORR_MSG, className="message", role="status"),
                    *(
                        [html.P(MEMORY_NOTE, className="hint", id="corr-memory-note")]
                        if in_memory
                        else []
                    ),
                ],
                className="correction",
            ),
        ],
        open=True,
        className="side-section",
    )


def add_article_section(limit_mb: float) -> html.Details:
    return html.Details(
        [
            html.Summary("Add an article", className="section-title"),
            dcc.Upload(
                id=UPLOAD,
                children=html.Div(
                    ["Drop a file here or ", html.Span("choose one", className="linkish")]
                ),
                multiple=False,
                className="upload",
            ),
            html.Div(
                f"Text (title, YYYYMMDD, URL, body), JSON, JSONL or Parquet; at most "
                f"{limit_mb:g} MB.",
                className="hint",
            ),
            html.Div(
                [
                    _field(
                        "Title",
                        dcc.Input(id=PASTE_TITLE, type="text", className="text-input"),
                        PASTE_TITLE,
                    ),
                    html.Div(
                        [
                            _field(
                                "Published",
                                dcc.Input(id=PASTE_DATE, type="date", className="date-input"),
                                PASTE_DATE,
                            ),
                            _field(
                                "URL",
                                dcc.Input(id=PASTE_URL, type="url", className="text-input"),
                                PASTE_URL,
                            ),
                        ],
                        className="row2",
                    ),
                    _field("Body", dcc.Textarea(id=PASTE_BODY, className="textarea"), PASTE_BODY),
                    html.Button("Add pasted article", id=PASTE_ADD, n_clicks=0, className="button"),
                ],
                className="paste",
            ),
            html.Div(id=UPLOAD_MSG, className="message", role="status", **{"aria-live": "polite"}),
        ],
        className="side-section",
    )


def reference_section() -> html.Details:
    return html.Details(
        [
            html.Summary("Article reference date", className="section-title"),
            html.P(
                "When the publication date lags the writing date, anchor the article's "
                "relative dates on another day.",
                className="hint",
            ),
            _field(
                "Article",
                dcc.Dropdown(
                    id=REF_ARTICLE, options=[], multi=False, placeholder="Choose an article"
                ),
                REF_ARTICLE,
            ),
            _field(
                "Reference date",
                dcc.Input(id=REF_DATE, type="date", className="date-input"),
                REF_DATE,
            ),
            html.Button("Re-extract", id=REF_APPLY, n_clicks=0, className="button"),
            html.Div(id=REF_MSG, className="message", role="status"),
        ],
        className="side-section",
    )


def side_panel(limit_mb: float, *, in_memory: bool = False) -> html.Aside:
    return html.Aside(
        [details_section(in_memory=in_memory), add_article_section(limit_mb), reference_section()],
        className="side",
        **{"aria-label": "Details and articles"},
    )


SKIPPED = "skipped-notice"
NOTICE_LINES = 200  # problems listed in the page; the terminal has them all


def skipped_notice(problems: Sequence[str]) -> html.Details | None:
    """What the server skipped at start (bad files or records), one line each: the
    count in view, the reasons a click away."""
    if not problems:
        return None
    n = len(problems)
    plural = "s" if n != 1 else ""
    return html.Details(
        [
            html.Summary(
                f"{n:,} bad input file{plural} or record{plural} skipped at start (show why)",
                className="notice-title",
            ),
            html.Ul(
                [html.Li(p) for p in problems[:NOTICE_LINES]]
                + (
                    [html.Li(f"… and {n - NOTICE_LINES:,} more (see the terminal)")]
                    if n > NOTICE_LINES
                    else []
                ),
                className="notice-list",
            ),
        ],
        id=SKIPPED,
        className="notice",
        role="status",
    )


def upload_message(message: str, problems: Sequence[str], unlisted: int) -> str | html.Details:
    """An upload's message; when it leaves `unlisted` of its problems out ("… and 8
    more"), it is the summary of the list of them all, a click away, as the start-up
    notice's."""
    if not unlisted:
        return message
    n = len(problems)
    return html.Details(
        [
            html.Summary(f"{message} (show all)", className="notice-title"),
            html.Ul(
                [html.Li(p) for p in problems[:NOTICE_LINES]]
                + (
                    [
                        html.Li(
                            f"… and {n - NOTICE_LINES:,} more (geotimeline extract on the "
                            "file lists them all)"
                        )
                    ]
                    if n > NOTICE_LINES
                    else []
                ),
                className="notice-list",
            ),
        ],
        className="problems",
    )


def page(*, upload_limit: int, in_memory: bool = False, skipped: Sequence[str] = ()) -> html.Div:
    """The page; `in_memory`: the store is not on disk (the correction form says so);
    `skipped`: the problems met reading the input at start, shown in a notice."""
    notice = skipped_notice(skipped)
    return html.Div(
        [
            dcc.Location(id=URL, refresh=False),
            dcc.Store(id=WINDOW, data={"rev": 0}),
            dcc.Store(id=DRAWN, data=None),
            dcc.Store(id=LINK_FIX, data=None),
            dcc.Store(id=LINK_FIXED, data=None),
            dcc.Store(id=VERSION, data=0),
            dcc.Store(id=SELECTED, data=None),
            dcc.Store(id=TABLE_PAGE, data=0),
            dcc.Store(id=ACTOR_NAMES, data=None),
            dcc.Store(id=UPLOAD_PAYLOAD, data=None),
            dcc.Download(id=DOWNLOAD),
            # first in the tab order: past the filters and a table of up to 100 Details
            # buttons, to the table or to the details and the correction form
            html.A("Skip to the events table", href=f"#{TABLE}", className="skip-link"),
            html.A("Skip to the event details", href=f"#{DETAILS}", className="skip-link"),
            header(),
            *([notice] if notice is not None else []),
            html.Div(
                [
                    filters_panel(),
                    html.Main([timeline_panel(), table_panel()], className="main"),
                    side_panel(upload_limit / 2**20, in_memory=in_memory),
                ],
                className="body",
            ),
        ],
        className="page",
    )


# --------------------------------------------------------------------------- data views
# Dash renders strings as text nodes, never as HTML: article text is safe here as is.


def safe_href(url: str | None) -> str | None:
    """Only absolute http(s) links are ever rendered."""
    from dashapp.export import safe_url

    return safe_url(url) if url else None


def _written(ev) -> str:
    first = quoted_mention(ev)
    return first.text if first else ""


def node(tag: str, children=None, **props) -> dict:
    """An html component in the JSON form Dash sends. Building a hundred table rows as
    dash.html objects validates every property and costs more than the whole query;
    this is the same JSON, and strings in it are still rendered as text."""
    if children is not None:
        props["children"] = children
    return {"type": tag, "namespace": "dash_html_components", "props": props}


def _text(value: object) -> str:
    """Text for the table's HTML: escaped, on one line (a blank line would end the HTML
    block and let Markdown read the rest), braces too (dcc.Markdown reads its HTML as
    JSX, where they would start an expression)."""
    text = escape(" ".join(str(value).split()), quote=True)
    return text.replace("{", "&#123;").replace("}", "&#125;")


def date_cell(ev) -> str:
    resolved = (
        ev.start.isoformat()
        if ev.start == ev.end
        else (f"{ev.start.isoformat()} – {ev.end.isoformat()}")
    )
    out = f"<span>{_text(('≈ ' if ev.approximate else '') + resolved)}</span>"
    if _written(ev):
        # (in <bdi>: words of a right-to-left script would otherwise take the quotes
        # round them into their own direction and show them out of place)
        out += f'<br /><span class="hint">“<bdi>{_text(_written(ev)[:60])}</bdi>”</span>'
    return out


def table_note(*, offset: int, shown: int, in_window: int, bucket: str | None) -> str:
    if not shown:
        # (the timeline above says why: no articles yet, none with a dated event, or
        # filters that leave none; figures.no_events_message)
        return "No events to list."
    if shown == in_window:
        note = f"{shown:,} event{'s' if shown != 1 else ''} shown"
    else:
        note = f"Events {offset + 1:,}–{offset + shown:,} of {in_window:,} in view (by date)"
    if bucket:
        note += f"; the timeline counts them per {bucket}"
    return note


def events_table(events) -> str:
    """The table of one page of events, as HTML in one string for a Markdown component
    (every text escaped here; elements closed as JSX wants them). Each row and its
    Details button carry the event id."""
    if not events:
        return ""
    cols = ("c-date", "c-label", "c-type", "c-actors", "c-n", "c-btn")
    heads = ("Date", "Event", "Type", "Actors", "Art.", '<span class="sr-only">Details</span>')
    parts = [
        '<table class="events"><colgroup>',
        *(f'<col class="{c}" />' for c in cols),
        "</colgroup><thead><tr>",
        *(f'<th scope="col" class="{c}">{h}</th>' for c, h in zip(cols, heads, strict=True)),
        "</tr></thead><tbody>",
    ]
    for ev in events:
        eid = _text(ev.id)
        label = f"<span>{_text(ev.label)}</span>"
        if ev.human:
            label += '<span class="human"> ✎ corrected</span>'
        button = (
            f'<button type="button" class="button small row-details" data-event="{eid}" '
            f'aria-label="Details of {_text(ev.label[:80])}">Details</button>'
        )
        cells = (
            date_cell(ev),
            label,
            _text(ev.type),
            _text(", ".join(ev.actors)),
            str(ev.articles),
            button,
        )
        parts.append(f'<tr data-event="{eid}">')
        parts += [f'<td class="{c}">{cell}</td>' for c, cell in zip(cols, cells, strict=True)]
        parts.append("</tr>")
    parts.append("</tbody></table>")
    return "".join(parts)


def _marked(sentence: str, expr: str) -> list:
    i = sentence.find(expr) if expr else -1
    if i < 0:
        return [sentence]
    return [sentence[:i], node("Mark", sentence[i : i + len(expr)]), sentence[i + len(expr) :]]


def _told(ev, value: str) -> str:
    """How many of an event's mentions give `value`: "44 of 45 mentions"."""
    n = support(value, ev.mentions)
    return f"{n} of {len(ev.mentions)} mention{'s' if len(ev.mentions) != 1 else ''}"


TIMES_OF_DAY = {"MO": "morning", "MI": "midday", "AF": "afternoon", "EV": "evening", "NI": "night"}


def shown_value(value: str) -> str:
    """A date value as a reader writes it: "2023-09-18TEV" is "2023-09-18 evening"."""
    day, sep, time = value.partition("T")
    if not sep or len(day) != 10:
        return value
    return f"{day} {TIMES_OF_DAY.get(time, time)}"


def _other_date(ev, value: str) -> str:
    """An other date of `ev` with what gives it: some of its mentions, or none of them
    (another reading of the words that date it: "Wednesday" in an article of a Wednesday
    may be the Wednesday before)."""
    if support(value, ev.mentions):
        return f"{shown_value(value)} ({_told(ev, value)})"
    return f"{shown_value(value)} (another possible reading of the words; no mention gives it)"


def event_details(ev, articles: dict) -> dict:
    """Every mention of `ev` with its article; `articles` maps id -> Article. (JSON
    nodes like the table's: the callback's answer is then plain data.)"""
    resolved = (
        ev.start.isoformat()
        if ev.start == ev.end
        else (f"{ev.start.isoformat()} to {ev.end.isoformat()}")
    )
    items = [
        node("H3", ev.label, className="details-title"),
        node(
            "Dl",
            [
                node("Dt", "Date"),
                node(
                    "Dd",
                    f"{resolved} ({ev.value}, {ev.granularity})"
                    + (", approximate" if ev.approximate else "")
                    + (f"; {_told(ev, ev.value)}" if ev.other_dates else ""),
                ),
                *(
                    [
                        node("Dt", "Other dates"),
                        node("Dd", "; ".join(_other_date(ev, v) for v in ev.other_dates)),
                    ]
                    if ev.other_dates
                    else []
                ),
                node("Dt", "Type"),
                node("Dd", f"{ev.type} · {ev.quad_class}"),
                node("Dt", "Actors"),
                node("Dd", ", ".join(ev.actors) or "none"),
                node("Dt", "Articles"),
                node("Dd", str(ev.articles)),
            ],
        ),
    ]
    if ev.human:
        items.append(node("P", "✎ Corrected by hand.", className="human"))
    for m in ev.mentions:
        art = articles.get(m.article)
        title = (art.title if art else "") or m.article
        href = safe_href(art.url) if art else None
        head = [
            node("A", title, href=href, target="_blank", rel="noopener noreferrer")
            if href
            else node("Span", title)
        ]
        if art:
            head.append(node("Span", f" · published {art.date.isoformat()}", className="hint"))
            if art.reference_date:
                head.append(
                    node(
                        "Span",
                        f" · reference date {art.reference_date.isoformat()}",
                        className="hint",
                    )
                )
            elif art.dateline_anchored:  # relative dates counted from its dateline
                head.append(node("Span", f" · dateline {art.anchor.isoformat()}", className="hint"))
        items.append(
            node(
                "Div",
                [
                    node("Div", head),
                    node("Blockquote", _marked(m.sentence, m.text), className="sentence"),
                    node(
                        "Div",
                        [
                            node("Strong", "Expression: "),
                            "“",
                            node("Bdi", m.text),
                            f"” → {m.value}",
                        ],
                    ),
                    node("Div", [node("Strong", "Why: "), m.explanation or "—"], className="hint"),
                ],
                className="mention",
            )
        )
    return node("Div", items, className="details", **{"data-event": ev.id})


def hint(text: str) -> dict:
    return node("P", text, className="hint")
