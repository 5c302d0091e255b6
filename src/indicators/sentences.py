"""Citable sentences: one factual statement per figure, in German or English.

A journalist copies the sentence as it stands, so it may not say more than the data: a
shared rank is called shared (never "the best"), an indicator without better or worse is
ranked "by size", and a change across a statistical break (a new census base) says so.
"""

GROUPS = {
    "regiopole": ("Regiopolregionen", "regiopole regions"),
    "metropolitan_region": ("Metropolregionen", "metropolitan regions"),
    None: ("Regionen (Regiopol- und Metropolregionen)", "regions (regiopole and metropolitan)"),
}


def _in_de(region):
    """'in der Regiopolregion Rostock', 'in Deutschland': the article the name needs."""
    if region.startswith("Europäische "):
        return f"in der Europäischen {region.removeprefix('Europäische ')}"
    feminine = region.startswith(("Regiopol", "Metropol", "Region"))
    return f"in der {region}" if feminine else f"in {region}"


def rank_facts(ranked, region_id):
    """(rank, n, tied) of a region in a frame of compare.ranking; rank None without value."""
    row = ranked.loc[ranked["region_id"] == region_id]
    if row.empty or row["value"].isna().all():
        return None, int(ranked["value"].notna().sum()), False
    rank = int(row["rank"].iloc[0])
    return rank, int(ranked["value"].notna().sum()), int((ranked["rank"] == rank).sum()) > 1


def rank_sentence(
    lang, *, year, indicator, region, value, rank, n, tied, kind, polarity, source, note=""
):
    """'In <year>, <indicator> in <region> was <value>, rank <r> of <n> <group> (source: …).'

    value: the formatted value with its unit; kind: the ranked group (None: both kinds);
    note: the catalogue's warning for ranks on this indicator (e.g. students counted at a
    distance-learning university's seat), which travels with every copied rank.
    """
    text = _rank_text(lang, year, indicator, region, value, rank, n, tied, kind, polarity, source)
    if rank is None or not note:
        return text
    return f"{text} {'Hinweis' if lang == 'de' else 'Note'}: {note}"


def _rank_text(lang, year, indicator, region, value, rank, n, tied, kind, polarity, source):
    de = lang == "de"
    if rank is None:
        if de:
            return (
                f"Für {region} liegt für {year} kein Wert zu „{indicator}“ vor (Quelle: {source})."
            )
        return (
            f"For {region}, no value of “{indicator}” is available for {year} (source: {source})."
        )
    group = GROUPS[kind][0 if de else 1]
    shared = " (gleichauf mit anderen)" if de else " (shared with others)"
    others = shared if tied else ""
    if polarity == "neutral":
        order = " nach Größe" if de else " by size"
    elif rank == 1 and not tied:
        order = " – der beste Wert dieser Gruppe" if de else " – the best value in this group"
    else:
        order = ""
    if de:
        return (
            f"Im Jahr {year} lag „{indicator}“ {_in_de(region)} bei {value}; das ist Rang {rank} "
            f"von {n} {group}{others}{order} (Quelle: {source})."
        )
    return (
        f"In {year}, “{indicator}” in {region} was {value}, rank {rank} of {n} {group}"
        f"{others}{order} (source: {source})."
    )


def change_sentence(lang, *, indicator, region, start, end, before, after, pct, breaks, source):
    """'Between <start> and <end>, <indicator> in <region> changed from … to … (±x %).'

    before/after/pct: formatted texts (pct None if not computable); breaks: (year, label) of
    the indicator's statistical breaks, e.g. a new census base – one inside (start, end] is
    stated with its label.
    """
    de = lang == "de"
    inside = "; ".join(label for year, label in breaks if start < year <= end)
    pct_text = f" ({pct})" if pct else ""
    if de:
        text = (
            f"Zwischen {start} und {end} veränderte sich „{indicator}“ {_in_de(region)} von "
            f"{before} auf {after}{pct_text}."
        )
        if inside:
            text += f" Achtung, Bruch in der Zeitreihe ({inside}): nur eingeschränkt vergleichbar."
        return f"{text} (Quelle: {source})"
    text = (
        f"Between {start} and {end}, “{indicator}” in {region} changed from {before} to "
        f"{after}{pct_text}."
    )
    if inside:
        text += f" Note the break in the series ({inside}): only partly comparable."
    return f"{text} (source: {source})"
