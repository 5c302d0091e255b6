"""Draw a page's elements (indicators.display.elements) with Streamlit: the only place
that knows how a title, a chart or a bound widget looks."""

import streamlit as st

from indicators.display import elements as el
from views import shared


def page(build):
    """Build a page's view model from the current state and draw it."""
    ctx = shared.context()
    parts = build(ctx)
    for name in ctx.changed:
        shared.set_state(name, ctx.state[name])
    draw(parts)


def draw(parts):
    for part in parts:
        _draw(part)


def _draw(part):
    match part:
        case el.Title():
            st.title(part.text)
        case el.Subheader():
            st.subheader(part.text)
        case el.Text():
            st.write(part.text)
        case el.Caption():
            st.caption(part.text)
        case el.Notice():
            getattr(st, part.level)(part.text)
        case el.Stop():
            shared.stop_with(part.text)
        case el.Sentence():
            shared.sentence(part.text)
        case el.Metric():
            st.metric(
                part.label,
                part.value,
                delta=part.delta,
                delta_color=part.delta_color,
                border=True,
                help=part.help,
            )
        case el.Table():
            shown = shared.styled(part.frame, part.digits) if part.digits else part.frame
            st.dataframe(shown, hide_index=True, height=part.height, key=part.key)
        case el.Chart():
            st.plotly_chart(
                part.figure,
                key=f"chart_{part.key}",
                config=shared.chart_config(part.stem) | part.config,
            )
            indicators = list(part.indicators) if part.indicators else None
            shared.download(
                part.data, part.stem, key=f"dl_{part.key}", indicators=indicators, notes=part.notes
            )
        case el.Download():
            indicators = None if part.indicators is None else list(part.indicators)
            shared.download(part.frame, part.stem, part.key, part.label, indicators)
        case el.Control():
            kwargs = dict(part.extra)
            if part.options:
                kwargs["options"] = list(part.options)
            if part.format is not None:
                kwargs["format_func"] = part.format
            shared.bound(getattr(st, part.kind), part.name, part.label, part.none_label, **kwargs)
        case el.Columns():
            columns = st.columns(
                list(part.widths) if part.widths else len(part.parts), **part.extra
            )
            for column, content in zip(columns, part.parts, strict=True):
                with column:
                    draw(content)
        case el.PageLink():
            st.page_link(f"views/{part.page}.py", label=part.label)
        case _:
            raise TypeError(f"cannot draw {type(part).__name__}")
