"""Draw a page's elements (indicators.display.elements) with Streamlit: the only place
that knows how a title, a chart or a bound widget looks."""

import threading

import streamlit as st

from indicators.display import elements as el
from indicators.display.pages import BY_PATH
from views import cache, outputs, state


def page(build):
    """Build a page's view model from the current state and draw it."""
    ctx = _drawing.context = cache.context(state.state())
    parts = build(ctx)
    _sync(ctx)
    draw(parts)


# The page's context while it is drawn (el.Then builds with it, too). Per thread: Streamlit
# runs each session's script in a thread of its own, so a module global would be shared.
_drawing = threading.local()


def _sync(ctx):
    """View-state names the view model had to reset reach their widgets before drawing."""
    for name in ctx.changed:
        state.set_state(name, ctx.state[name])


def draw(parts, values=None):
    """Draw elements in order; `values` collects the inputs drawn so far (see el.Then)."""
    values = {} if values is None else values
    for part in parts:
        _draw(part, values)


def _draw(part, values):
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
            outputs.stop_with(part.text)
        case el.Sentence():
            outputs.sentence(part.text)
        case el.Metric():
            st.metric(
                part.label,
                part.value,
                delta=part.delta,
                delta_color=part.delta_color,
                border=part.border,
                help=part.help,
                chart_data=list(part.chart_data) if part.chart_data else None,
            )
        case el.Table(static=True):
            st.table(part.frame.set_index(part.frame.columns[0]))
        case el.Table():
            shown = outputs.styled(part.frame, part.digits) if part.digits else part.frame
            st.dataframe(shown, hide_index=True, height=part.height, key=part.key)
        case el.Chart():
            st.plotly_chart(
                part.figure,
                theme=None,  # our own colours: Streamlit's theme greys the axis texts
                key=f"chart_{part.key}",
                config=outputs.chart_config(part.stem) | part.config,
            )
            outputs.in_words(part.figure, part.summary, part.data, part.indicators)
            indicators = list(part.indicators) if part.indicators else None
            outputs.download(
                part.data, part.stem, key=f"dl_{part.key}", indicators=indicators, notes=part.notes
            )
        case el.Download():
            indicators = None if part.indicators is None else list(part.indicators)
            outputs.download(part.frame, part.stem, part.key, part.label, indicators, raw=part.raw)
        case el.Control():
            kwargs = dict(part.extra)
            if part.options or part.none_label is not None:  # "none" is an option too
                kwargs["options"] = list(part.options)
            if part.format is not None:
                kwargs["format_func"] = part.format
            state.bound(getattr(st, part.kind), part.name, part.label, part.none_label, **kwargs)
        case el.Columns():
            columns = st.columns(
                list(part.widths) if part.widths else len(part.parts), **part.extra
            )
            for column, content in zip(columns, part.parts, strict=True):
                with column:
                    draw(content, values)
        case el.PageLink():
            st.page_link(f"views/{part.page}.py", label=part.label)
        case el.Code():
            st.code(part.text, language=None)
        case el.FileDownload():
            st.download_button(
                part.label,
                part.data,
                file_name=part.file_name,
                mime=part.mime,
                key=part.key,
                icon=part.icon,
            )
        case el.Button():
            st.button(
                part.label,
                key=part.key,
                on_click=part.on_click,
                args=part.args,
                disabled=part.disabled,
                shortcut=part.shortcut,
                help=part.help,
            )
        case el.Container():
            with st.container(key=part.key):
                draw(part.parts, values)
        case el.Figure():
            config = outputs.chart_config(part.stem) if part.stem else {"displaylogo": False}
            st.plotly_chart(part.figure, key=part.key, config=config | part.config, theme=None)
            outputs.in_words(part.figure, part.summary, part.data)
        case el.PrintStyle():
            outputs.print_style()
        case el.Tabs():
            for tab, content in zip(st.tabs(list(part.labels)), part.parts, strict=True):
                with tab:
                    draw(content, values)
        case el.Input():
            kwargs = dict(part.extra)
            if part.options:
                kwargs["options"] = list(part.options)
            if part.format is not None:
                kwargs["format_func"] = part.format
            if part.key is not None:
                state.seed_input(part.key, part.seed)
                kwargs["key"] = part.key
            values[part.name] = getattr(st, part.kind)(part.label, **kwargs)
        case el.DeckMap():
            event = st.pydeck_chart(
                part.deck,
                on_select="rerun",
                selection_mode="multi-object",
                key=part.key,
                height=part.height,
                alt=part.alt or None,
            )
            chosen = event.selection
            values[part.name] = {
                "indices": dict(chosen["indices"]),
                "objects": dict(chosen["objects"]),
            }
        case el.Upload():
            file = st.file_uploader(part.label, type=list(part.types), key=part.key)
            shown = None if file is None else el.File(file.name, file.getvalue(), file.file_id)
            values[part.name] = shown
        case el.Then():
            built = part.build(values)
            _sync(_drawing.context)  # a part built late may reset state, too (e.g. the year)
            draw(built, values)
        case el.SwitchPage():
            st.switch_page(f"views/{BY_PATH[part.page].name}.py")
        case el.Rerun():
            st.rerun()
        case _:
            raise TypeError(f"cannot draw {type(part).__name__}")
