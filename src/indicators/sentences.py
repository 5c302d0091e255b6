"""Citable sentences: one factual statement per figure, in German or English.

A journalist copies the sentence as it stands, so it may not say more than the data: a
shared rank is called shared (never "the best"), an indicator without better or worse is
ranked "by size", and a change across a statistical break (a new census base) says so.
"""

from indicators.compare import gap_verdict

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


def ranked_row(ranked, region_id):
    """Position of the row of a frame of compare.ranking that stands for a region – its own,
    or that of the territory it shares (Salzgitter: the Braunschweig row); None if absent."""
    ids = ranked["region_ids"] if "region_ids" in ranked else ranked["region_id"]
    for position, row_ids in enumerate(ids):
        if region_id in row_ids.split(","):
            return position
    return None


def rank_facts(ranked, region_id):
    """(rank, n, tied) of a region in a frame of compare.ranking; rank None without value.
    n counts the rows with a value: each territory once."""
    position = ranked_row(ranked, region_id)
    row = ranked.iloc[[] if position is None else [position]]
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

    before/after/pct: formatted texts (None where there is no value); breaks: (year, label)
    of the indicator's statistical breaks, e.g. a new census base – one inside (start, end]
    is stated with its label. Without both values the sentence says so instead of "from –".
    """
    de = lang == "de"
    if before is None or after is None:
        missing = start if before is None else end
        if de:
            return (
                f"Für {region} liegt für {missing} kein Wert zu „{indicator}“ vor; eine "
                f"Veränderung {start}–{end} lässt sich nicht angeben (Quelle: {source})."
            )
        return (
            f"For {region}, no value of “{indicator}” is available for {missing}, so no "
            f"change {start}–{end} can be given (source: {source})."
        )
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


def _side(gap):
    return (gap > 0) - (gap < 0)


def gap_sentence(lang, *, start, end, before, after, digits, show, polarity, verdict=None):
    """How the gap between the regiopole and the metropolitan median changed, in one measure:
    the difference of the medians (regiopole − metropolitan) in the indicator's unit, rates
    in percentage points. The verdict (narrowed, widened, unchanged, reversed) is made on the
    differences as shown, both years are named, and the last year says who is better off.
    With a single year (start == end) it states that year's difference only.

    before, after: the difference in `start` and `end`; digits: decimals shown; show: formats
    a difference without sign, with its unit ('5.653 EUR je Einwohner', '1,2 Prozentpunkte');
    polarity: the indicator's ('higher_better', 'lower_better' or 'neutral'); verdict: the
    engine's (compare.gap_verdict, e.g. from the 'verdict' note of compare.convergence),
    judged here by the same function when not given.
    """
    de = lang == "de"
    a, b = round(float(before), digits), round(float(after), digits)
    side_a, side_b = _side(a), _side(b)
    verdict = verdict or gap_verdict(before, after, digits)
    if de:
        pair = "den Medianen der Regiopol- und der Metropolregionen"
        head = {
            "narrowed": f"Der Abstand zwischen {pair} ist von {start} bis {end} kleiner geworden",
            "widened": f"Der Abstand zwischen {pair} ist von {start} bis {end} größer geworden",
            "same": f"Der Abstand zwischen {pair} ist von {start} bis {end} gleich geblieben",
            "reversed": f"Von {start} bis {end} haben die Mediane der Regiopol- und der "
            "Metropolregionen die Plätze getauscht",
        }[verdict]

        def full(year, gap):
            if not _side(gap):
                return f"{year} lagen beide gleichauf"
            where = "unter" if gap < 0 else "über"
            return (
                f"{year} lag der Median der Regiopolregionen {show(abs(gap))} {where} dem der "
                "Metropolregionen"
            )

        second = (
            f"{end} {show(abs(b))} {'darunter' if b < 0 else 'darüber'}"
            if side_a == side_b != 0
            else full(end, b)
        )
        text = f"{head}: {full(start, a)}, {second}." if start != end else f"{full(end, b)}."
        if polarity == "neutral":
            return text + " Höhere Werte sind bei diesem Indikator weder besser noch schlechter."
        if side_b:
            regiopoles = side_b * (1 if polarity == "higher_better" else -1) > 0
            better = "Regiopolregionen" if regiopoles else "Metropolregionen"
            text += f" {end} standen damit die {better} besser da."
        return text
    head = {
        "narrowed": f"From {start} to {end}, the gap between the regiopole and the "
        "metropolitan median narrowed",
        "widened": f"From {start} to {end}, the gap between the regiopole and the "
        "metropolitan median widened",
        "same": f"From {start} to {end}, the gap between the regiopole and the metropolitan "
        "median stayed the same",
        "reversed": f"From {start} to {end}, the regiopole and the metropolitan median "
        "swapped places",
    }[verdict]

    def full_en(year, gap):
        if not _side(gap):
            return f"in {year} both were level"
        where = "below" if gap < 0 else "above"
        return f"in {year} the regiopole median was {show(abs(gap))} {where} the metropolitan one"

    second = (
        f"in {end} {show(abs(b))} {'below' if b < 0 else 'above'}"
        if side_a == side_b != 0
        else full_en(end, b)
    )
    text = f"{head}: {full_en(start, a)}, {second}."
    if start == end:
        text = f"{full_en(end, b)[0].upper()}{full_en(end, b)[1:]}."
    if polarity == "neutral":
        return text + " Neither higher nor lower values are better for this indicator."
    if side_b:
        regiopoles = side_b * (1 if polarity == "higher_better" else -1) > 0
        better = "regiopole" if regiopoles else "metropolitan"
        text += f" In {end}, the {better} regions were thus better off."
    return text


ORDINALS = {1: ("stärkste", "largest"), 2: ("zweitstärkste", "second-largest")}


def change_rank_sentence(
    lang, *, indicator, region, start, end, before, after, change, peers, place, n, better,
    kind, source,
):  # fmt: skip
    """'Between <start> and <end>, <indicator> in <region> went from … to … (±x); the
    largest improvement among <n> <group> (median of the others: ±y).'

    place: 1 or 2, counted from the better end (better=True) or the worse end; change and
    peers: formatted signed differences with their unit. Only called for a change in the
    named direction, so 'improvement' is never said of a smaller deterioration.
    """
    de = lang == "de"
    group = GROUPS[kind][0 if de else 1]
    word = ORDINALS[place][0 if de else 1]
    if de:
        what = "Verbesserung" if better else "Verschlechterung"
        return (
            f"Zwischen {start} und {end} veränderte sich „{indicator}“ {_in_de(region)} von "
            f"{before} auf {after} ({change}) – die {word} {what} unter {n} {group} "
            f"(Median der übrigen: {peers}) (Quelle: {source})."
        )
    what = "improvement" if better else "deterioration"
    return (
        f"Between {start} and {end}, “{indicator}” in {region} went from {before} to {after} "
        f"({change}) – the {word} {what} among {n} {group} (median of the others: {peers}) "
        f"(source: {source})."
    )
