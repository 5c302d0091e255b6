"""Every text of the interface in German (default) and English, in our own words."""

LANGUAGES = ("de", "en")

TEXT = {
    # app frame
    "app_title": ("Regiopolen-Monitor", "Regiopole Monitor"),
    "app_tagline": (
        "Regiopolregionen und Metropolregionen im Vergleich – amtliche Daten für alle 400 Kreise",
        "Regiopole regions compared with metropolitan regions – official data for all 400 Kreise",
    ),
    "language": ("Sprache", "Language"),
    "regiopole_list": ("Regiopolen-Liste", "Regiopole list"),
    "outside_only": (
        "Nur Regiopolregionen außerhalb von Metropolregionen",
        "Only regiopole regions outside metropolitan regions",
    ),
    "outside_help": (
        "Lässt Regiopolregionen weg, deren Kernstadt in einer Metropolregion liegt "
        "(z. B. Aachen, Augsburg, Cottbus, Ingolstadt, Jena, Gera).",
        "Leaves out regiopole regions whose core city lies in a metropolitan "
        "region (e.g. Aachen, Augsburg, Cottbus, Ingolstadt, Jena, Gera).",
    ),
    "set_aring_reuther": ("Aring/Reuther 2008 (25)", "Aring/Reuther 2008 (25)"),
    "set_regiostar": ("RegioStaR 2018 (35)", "RegioStaR 2018 (35)"),
    "set_network": ("RegioPole-Netzwerk (8)", "RegioPole network (8)"),
    "set_all": ("Alle Kandidaten (36)", "All candidates (36)"),
    "page_overview": ("Überblick", "Overview"),
    "page_map": ("Karte", "Map"),
    "page_compare": ("Vergleich", "Compare"),
    "page_ranking": ("Rangliste", "Ranking"),
    "page_profile": ("Regionsprofil", "Region profile"),
    "page_fields": ("Handlungsfelder", "Fields of work"),
    "fields_field": ("Handlungsfeld", "Field of work"),
    "fields_lead": (
        "Im RegioPole-Netzwerk federführend: {region}. Angezeigt werden die Kennzahlen, die "
        "zu diesem Feld etwas sagen, für die gewählte Region.",
        "Lead in the RegioPole network: {region}. The table shows the indicators that speak "
        "to this field, for the chosen region.",
    ),
    "fields_no_values": (
        "Für {region} liegen in diesem Handlungsfeld keine Werte vor.",
        "There are no values for {region} in this field of work.",
    ),
    "page_trends": ("Entwicklung", "Trends"),
    "page_scatter": ("Zusammenhänge", "Scatter"),
    "page_methods": ("Daten & Methodik", "Data & methods"),
    "notice_bad_region": (
        "Unbekannte Region {value} – es wird {fallback} gezeigt.",
        "Unknown region {value} – showing {fallback} instead.",
    ),
    "notice_bad_indicator": (
        "Unbekannter Indikator {value} – es wird „{fallback}“ gezeigt.",
        "Unknown indicator {value} – showing “{fallback}” instead.",
    ),
    "notice_bad_field": (
        "Unbekanntes Handlungsfeld {value} – es wird „{fallback}“ gezeigt.",
        "Unknown field of work {value} – showing “{fallback}” instead.",
    ),
    "notice_bad_list": (
        "Nicht alle Einträge in {value} sind bekannt; die unbekannten wurden weggelassen.",
        "Not every entry of {value} is known; the unknown ones were left out.",
    ),
    "notice_bad_year": (
        "Für das Jahr {value} gibt es keine Daten – es wird {fallback} gezeigt.",
        "There are no data for the year {value} – showing {fallback} instead.",
    ),
    "notice_latest": ("das neueste Jahr", "the latest year"),
    "notice_bad_setting": (
        "Die Angabe {value} für „{name}“ ist ungültig – es gilt die Voreinstellung.",
        "The value {value} for “{name}” is not valid – the default applies.",
    ),
    # unknown page path and the accessibility statement (issues 14 and 17)
    "notice_bad_page": (
        "Die Seite {value} gibt es nicht – es wird der „{fallback}“ gezeigt.",
        "There is no page {value} – showing the “{fallback}” instead.",
    ),
    "page_accessibility": ("Erklärung zur Barrierefreiheit", "Accessibility statement"),
    "a11y_intro": (
        "Der Regiopolen-Monitor soll für alle nutzbar sein, auch mit Screenreader, nur mit "
        "der Tastatur oder mit starker Vergrößerung. Diese Erklärung gilt für die ganze "
        "Anwendung: alle Seiten und Präsentationen, auf Deutsch und auf Englisch. Maßstab "
        "sind die Barrierefreie-Informationstechnik-Verordnung (BITV 2.0), die europäische "
        "Norm EN 301 549 und die Web Content Accessibility Guidelines (WCAG) 2.1, Stufe AA.",
        "The Regiopole Monitor is meant to be usable by everyone, including with a screen "
        "reader, with the keyboard alone or at high magnification. This statement covers the "
        "whole application: every page and presentation, in German and in English. The "
        "yardsticks are the German accessibility regulation BITV 2.0, the European standard "
        "EN 301 549 and the Web Content Accessibility Guidelines (WCAG) 2.1, level AA.",
    ),
    "a11y_status": ("Stand der Vereinbarkeit", "Status of conformity"),
    "a11y_status_text": (
        "Die Anwendung ist **teilweise** mit BITV 2.0 vereinbar, wegen der unten genannten "
        "Einschränkungen. Die Bewertung beruht auf den automatisierten Prüfungen unserer "
        "Testsuite; eine Prüfung durch Fachleute von Hand (etwa ein BITV-Test) hat noch nicht "
        "stattgefunden.",
        "The application is **partially** conformant with BITV 2.0, because of the "
        "limitations listed below. The assessment rests on the automated checks of our test "
        "suite; no manual audit by experts (such as a BITV test) has been carried out yet.",
    ),
    "a11y_checks": ("Wie wir prüfen", "How we check"),
    "a11y_checks_text": (
        "Unsere Testsuite prüft bei jeder Änderung automatisch im Browser (Chromium):\n\n"
        "- jede Seite und jede Folie der Präsentationen, auf Deutsch und auf Englisch, bei "
        "1280 × 800 und 1920 × 1080 Pixeln mit axe-core gegen die Regeln für WCAG 2.1 A und "
        "AA – ein schwerer oder kritischer Verstoß lässt den Test scheitern;\n"
        "- dass Diagramme und Karten eine Textalternative haben;\n"
        "- dass die Bedienelemente mit der Tastatur in Lesereihenfolge erreichbar sind, mit "
        "sichtbarem Fokus;\n"
        "- dass die Seite ihre Sprache richtig angibt (Deutsch oder Englisch, auch nach dem "
        "Wechsel der Sprache);\n"
        "- dass der Text bei 320 Pixeln Breite umbricht, ohne dass man waagerecht scrollen "
        "muss.\n\n"
        "Automatische Prüfungen finden nur einen Teil der möglichen Barrieren. Ob eine "
        "Textalternative verständlich ist oder ob die Vorlesereihenfolge sinnvoll ist, kann "
        "nur ein Mensch beurteilen; das ist bisher nicht geschehen.",
        "Our test suite checks automatically in a browser (Chromium) with every change:\n\n"
        "- every page and every presentation slide, in German and in English, at "
        "1280 × 800 and 1920 × 1080 pixels with axe-core against the WCAG 2.1 A and AA "
        "rules – a serious or critical violation fails the test;\n"
        "- that charts and maps have a text alternative;\n"
        "- that the controls can be reached with the keyboard in reading order, with a "
        "visible focus;\n"
        "- that the page declares its language correctly (German or English, also after "
        "switching the language);\n"
        "- that text reflows at a width of 320 pixels without horizontal scrolling.\n\n"
        "Automated checks find only some of the possible barriers. Whether a text "
        "alternative is understandable or the reading order makes sense can only be judged "
        "by a person; that has not been done yet.",
    ),
    "a11y_limits": ("Was noch nicht barrierefrei ist", "Known limitations"),
    "a11y_limits_text": (
        "- **Details in Diagrammen und Karten sind auf die Maus ausgelegt:** Werte, die "
        "erscheinen, wenn man mit der Maus über ein Diagramm fährt, das Zoomen und "
        "Verschieben der Karte und die Werkzeugleiste der Diagramme lassen sich mit der "
        "Tastatur nicht erreichen. Die Zahlen selbst stehen zu jedem Diagramm und jeder Karte "
        "auch in einer Tabelle (meist aufklappbar unter „Daten des Diagramms als Tabelle“, mit "
        "einer Zusammenfassung in Worten); die Daten der Diagramme gibt es außerdem als CSV "
        "und Excel.\n"
        "- **Das Regionsprofil als PDF ist nicht getaggt:** Es hat keine Struktur für "
        "Screenreader und keine Sprachangabe. Dieselben Inhalte stehen auf der Seite "
        "„Regionsprofil“ und in deren CSV- und Excel-Download.\n"
        "- **Im Präsentationsmodus ist die Seitenleiste ausgeblendet**, mit ihr der Link zu "
        "dieser Erklärung; sie ist von jeder anderen Seite aus erreichbar.",
        "- **Chart and map details are mouse-oriented:** values that appear when the mouse "
        "hovers over a chart, zooming and panning the map and the charts' toolbar cannot be "
        "reached with the keyboard. The figures themselves are also given in a table with "
        "every chart and map (mostly to expand under “The chart's data as a table”, with a summary "
        "in words); the charts' data can also be downloaded as CSV and Excel.\n"
        "- **The region profile PDF is not tagged:** it has no structure for screen readers "
        "and declares no language. The same content is on the “Region profile” page and in "
        "its CSV and Excel download.\n"
        "- **In presentation mode the sidebar is hidden**, and with it the link to this "
        "statement; it can be reached from every other page.",
    ),
    "a11y_feedback": ("Barrieren melden", "Report a barrier"),
    "a11y_feedback_text": (
        "Ist Ihnen eine Barriere aufgefallen, oder brauchen Sie einen Inhalt in anderer "
        "Form? Schreiben Sie uns; bitte nennen Sie die Seite (den Link) und was nicht "
        "funktioniert hat.",
        "Have you come across a barrier, or do you need content in another form? Please "
        "write to us, naming the page (its link) and what did not work.",
    ),
    "a11y_contact": ("Kontakt: {contact}", "Contact: {contact}"),
    "a11y_contact_missing": (
        "Der Betreiber dieser Installation hat noch keine Kontaktadresse eingetragen.",
        "The operator of this installation has not entered a contact address yet.",
    ),
    "a11y_enforcement": ("Schlichtungsverfahren", "Enforcement procedure"),
    "a11y_enforcement_text": (
        "Bekommen Sie auf Ihre Meldung keine oder keine zufriedenstellende Antwort, können "
        "Sie einen Antrag bei der Schlichtungsstelle nach § 16 des "
        "Behindertengleichstellungsgesetzes (BGG) stellen. Sie ist bei dem Beauftragten der "
        "Bundesregierung für die Belange von Menschen mit Behinderungen eingerichtet und "
        "hilft, Streit mit öffentlichen Stellen des Bundes ohne Gericht beizulegen. Das "
        "Verfahren ist kostenlos, ein Rechtsbeistand ist nicht nötig. Wie der Antrag "
        "gestellt wird, steht auf "
        "[www.schlichtungsstelle-bgg.de](https://www.schlichtungsstelle-bgg.de). (Betreibt "
        "eine Stelle eines Landes die Anwendung, gilt das Verfahren dieses Landes.)",
        "If you receive no answer or no satisfactory answer to your report, you can apply to "
        "the conciliation body under section 16 of the German Disability Equality Act "
        "(Schlichtungsstelle nach § 16 BGG). It is based at the Federal Government "
        "Commissioner for Matters relating to Persons with Disabilities and helps to settle "
        "disputes with federal public bodies out of court. The procedure is free of charge; "
        "no legal representation is needed. How to apply is explained (in German) at "
        "[www.schlichtungsstelle-bgg.de](https://www.schlichtungsstelle-bgg.de). (Where a "
        "public body of a federal state operates the application, that state's procedure "
        "applies.)",
    ),
    "a11y_date": (
        "Diese Erklärung wurde am {date} erstellt, als Selbstbewertung auf Grundlage der "
        "automatisierten Prüfungen.",
        "This statement was prepared on {date} as a self-assessment based on the automated checks.",
    ),
    "notice_unknown_params": (
        "{n} unbekannte Angabe(n) im Link wurden ignoriert.",
        "{n} unknown setting(s) in the link were ignored.",
    ),
    "db_error": (
        "Die Daten können gerade nicht gelesen werden. Bitte laden Sie die Seite in einer "
        "Minute neu; bleibt der Fehler, wenden Sie sich bitte an die Betreiber.",
        "The data cannot be read just now. Please reload the page in a minute; if the "
        "error stays, please contact the operators.",
    ),
    # common words
    "indicator": ("Indikator", "Indicator"),
    "year": ("Jahr", "Year"),
    "region": ("Region", "Region"),
    "regions": ("Regionen", "Regions"),
    "value": ("Wert", "Value"),
    "unit": ("Einheit", "Unit"),
    "rank": ("Rang", "Rank"),
    "percentile": ("Perzentil", "Percentile"),
    "group": ("Gruppe", "Group"),
    "kind_regiopole": ("Regiopolregion", "Regiopole region"),
    "kind_metropolitan_region": ("Metropolregion", "Metropolitan region"),
    "kind_germany": ("Deutschland", "Germany"),
    "kind_all": ("Alle", "All"),
    "kind": ("Art", "Type"),
    "germany": ("Deutschland", "Germany"),
    "regiopole_median": ("Median Regiopolregionen", "Regiopole median"),
    "metropolitan_median": ("Median Metropolregionen", "Metropolitan median"),
    "peer_median": ("Median der Vergleichsgruppe", "Peer median"),
    "source": ("Quelle", "Source"),
    "licence": ("Lizenz", "Licence"),
    "download_csv": ("Daten als CSV", "Data as CSV"),
    "missing_data": ("keine Daten", "no data"),
    "change": ("Veränderung", "Change"),
    "since": ("seit", "since"),
    "better": ("besser", "better"),
    "worse": ("schlechter", "worse"),
    "equal": ("gleich", "equal"),
    "overlaps": ("Überschneidung mit Metropolregion", "Overlap with metropolitan region"),
    "core_in": ("Kern liegt in", "Core lies in"),
    "break_marker": ("Bruch in der Reihe", "Series break"),
    "choose_regions": (
        "Bitte wählen Sie mindestens zwei Regionen.",
        "Please choose at least two regions.",
    ),
    "choose_indicators": (
        "Bitte wählen Sie mindestens einen Indikator.",
        "Please choose at least one indicator.",
    ),
    "choose_region": ("Bitte wählen Sie eine Region.", "Please choose a region."),
    "no_data_year": (
        "Für diese Auswahl liegen keine Daten vor: {reason}",
        "There is no data for this selection: {reason}",
    ),
    "data_year_sources": (
        "Datenstand: {year}. Quellen: {sources}.",
        "Data year: {year}. Sources: {sources}.",
    ),
    "better_is": ("höher ist besser", "higher is better"),
    "lower_is_better": ("niedriger ist besser", "lower is better"),
    "neutral_polarity": ("ohne Wertung (weder besser noch schlechter)", "no better or worse"),
    "set_used": (
        "Vergleichsgruppe: Regiopolregionen nach {set}{outside}.",
        "Comparison group: regiopole regions per {set}{outside}.",
    ),
    "set_shared": (
        "{names} teilen eine Abgrenzung und zählen als eine Region ({n} Regionen).",
        "{names} share one definition and count as one region ({n} regions).",
    ),
    "and": ("und", "and"),
    "set_outside_suffix": (
        ", ohne solche mit Kern in einer Metropolregion",
        ", without those whose core lies in a metropolitan region",
    ),
    # overview
    "overview_intro": (
        "Wie stehen die Regiopolregionen – die Großstädte abseits der Metropolen mit ihrem "
        "meist ländlichen Umland – im Vergleich zu den zwölf Metropolregionen und zu "
        "Deutschland insgesamt da? Die Kennzahlen zeigen den jeweils jüngsten verfügbaren Wert: "
        "die Gruppe als Ganzes (alle zugehörigen Kreise zusammengerechnet).",
        "How do the regiopole regions – the large cities away from the metropolises, with "
        "their mostly rural hinterland – compare with the twelve metropolitan regions and "
        "with Germany as a whole? The cards show the latest available value for each group "
        "taken as a whole (all member Kreise added up).",
    ),
    "overview_chart_title": (
        "Regiopolregionen im Verhältnis zu Deutschland (= 100)",
        "Regiopole regions relative to Germany (= 100)",
    ),
    "overview_guide": ("Weiter zu …", "Go on to …"),
    "guide_map": (
        "jeden Indikator auf der Karte, je Kreis oder Region",
        "any indicator on the map, per Kreis or region",
    ),
    "guide_compare": ("zwei bis acht Regionen nebeneinander", "two to eight regions side by side"),
    "guide_ranking": (
        "alle Regionen eines Indikators in einer Rangfolge",
        "all regions ranked on one indicator",
    ),
    "guide_profile": (
        "eine Region auf einer Seite, zum Drucken",
        "one region on one page, ready to print",
    ),
    "guide_fields": (
        "die Kennzahlen je Handlungsfeld des RegioPole-Netzwerks, mit ihren Grenzen",
        "the indicators for each of the RegioPole network's fields of work, and their limits",
    ),
    "guide_trends": (
        "Entwicklung über die Zeit: holen die Regiopolregionen auf?",
        "change over time: are regiopole regions catching up?",
    ),
    "guide_scatter": ("zwei Indikatoren gegeneinander", "two indicators against each other"),
    "guide_methods": (
        "Definitionen, Quellen, Regionsabgrenzungen, Downloads",
        "definitions, sources, region definitions, downloads",
    ),
    "vs_germany_short": ("ggü. Deutschland", "vs Germany"),
    "vs_peers": ("ggü. Vergleichsgruppe", "vs peers"),
    "vs_metropolitan": ("Metropolregionen: {value}", "Metropolitan regions: {value}"),
    # map
    "map_level": ("Darstellung", "Show"),
    "level_kreis": ("Kreise", "Kreise"),
    "level_region": ("Regionen", "Regions"),
    "level_tiles": ("Kacheln", "Tiles"),
    "map_tiles_help": (
        "Eine gleich große Kachel je Region, grob an der Lage ihrer Kernstadt: kleine "
        "Regiopolregionen sind so sichtbar wie große Metropolregionen. Blauer Rand: "
        "Regiopolregion, oranger Rand: Metropolregion.",
        "One tile of equal size per region, roughly where its core city lies: small regiopole "
        "regions are as visible as large metropolitan regions. Blue rim: regiopole region, "
        "orange rim: metropolitan region.",
    ),
    "map_regions_of": ("Regionen", "Regions"),
    "map_classes": ("Klassengrenzen (Quintile): {breaks}.", "Class breaks (quintiles): {breaks}."),
    "map_outlines": (
        "Umrisse: Regiopolregionen (blau), Metropolregionen (orange); Punkte: "
        "Kernstädte der Regiopolregionen.",
        "Outlines: regiopole regions (blue), metropolitan regions (orange); dots: "
        "core cities of the regiopole regions.",
    ),
    "map_tooltip_rank": ("Rang", "Rank"),
    "map_cores": ("Kernstädte", "Core cities"),
    "page_presentation": ("Präsentation", "Presentation"),
    "page_own": ("Eigene Region", "Own region"),
    "own_intro": (
        "Stellen Sie eine Region aus Kreisen zusammen – in der Liste, per Klick auf die Karte "
        "oder als CSV-Datei mit "
        "den Spalten ags und (optional) share – und vergleichen Sie sie mit den "
        "Regiopolregionen. Sie wird nach denselben Regeln berechnet und nur im Link "
        "gespeichert, nirgends sonst.",
        "Put together a region from Kreise – in the list, by clicking the map or as a CSV file "
        "with the columns "
        "ags and (optionally) share – and compare it with the regiopole regions. It is "
        "computed by the same rules and kept only in the link, nowhere else.",
    ),
    "own_name": ("Name der Region", "Name of the region"),
    "own_pick": ("Kreise", "Kreise"),
    "own_map_alt": (
        "Karte der Kreise Deutschlands zum Anklicken; gewählte Kreise orange",
        "Clickable map of Germany's Kreise; chosen Kreise in orange",
    ),
    "own_map_help": (
        "Ein Klick auf einen Kreis nimmt ihn in die Region auf, ein weiterer entfernt ihn "
        "wieder. Gewählte Kreise sind orange, anteilig gewählte hellorange; Liste, Karte und "
        "Link zeigen stets dieselben Kreise. Ziehen verschiebt die Karte, das Mausrad zoomt.",
        "Click a Kreis to add it to the region, click it again to remove it. Chosen Kreise "
        "are orange, those included in part light orange; the list, the map and the link "
        "always show the same Kreise. Drag to move the map, use the mouse wheel to zoom.",
    ),
    "own_map_summary": ("{n} Kreise gewählt: {names}", "{n} Kreise chosen: {names}"),
    "own_map_summary_one": ("1 Kreis gewählt: {names}", "1 Kreis chosen: {names}"),
    "own_map_none": ("Noch kein Kreis gewählt.", "No Kreis chosen yet."),
    "own_map_partial": ("anteilig", "in part"),
    "own_map_more": ("und {n} weitere", "and {n} more"),
    "own_tab_list": ("Liste und Karte", "List and map"),
    "own_tab_upload": ("CSV hochladen", "Upload a CSV"),
    "own_upload": (
        "CSV-Datei (UTF-8, Spalten ags; share; höchstens 1 MB)",
        "CSV file (UTF-8, columns ags, share; at most 1 MB)",
    ),
    "own_upload_error": ("Die Datei wurde nicht übernommen:", "The file was not used:"),
    "own_empty": (
        "Noch keine eigene Region: wählen Sie Kreise aus oder laden Sie eine CSV-Datei hoch.",
        "No own region yet: choose Kreise or upload a CSV file.",
    ),
    "own_members": (
        "{n} Kreise, davon {partial} anteilig",
        "{n} Kreise, {partial} of them in part",
    ),
    "own_rank": ("Rang unter Regiopolregionen", "Rank among regiopole regions"),
    "own_table_title": ("Alle Indikatoren", "All indicators"),
    "own_bar_title": (
        "{indicator}, {year}: {name} im Vergleich",
        "{indicator}, {year}: {name} compared",
    ),
    "slide_of": ("Folie {n} von {total}", "Slide {n} of {total}"),
    "slide_back": ("Vorige Folie (Pfeiltaste links)", "Previous slide (left arrow key)"),
    "slide_next": ("Nächste Folie (Pfeiltaste rechts)", "Next slide (right arrow key)"),
    "presentation_broken": (
        "Diese Präsentation lässt sich nicht öffnen: {reason}",
        "This presentation cannot be opened: {reason}",
    ),
    "download_xlsx": ("Excel", "Excel"),
    "download_pdf": ("Profil als PDF (1 Seite)", "Profile as PDF (1 page)"),
    "sheet_data": ("Daten", "Data"),
    "sheet_meta": ("Indikatoren und Quellen", "Indicators and sources"),
    "export_note": (
        "Regiopolen-Monitor, Export vom {date}. Quellen und Lizenzen je Indikator:",
        "Regiopolen-Monitor, exported {date}. Sources and licences per indicator:",
    ),
    "as_of": ("abgerufen", "retrieved"),
    "sentence_label": (
        "Zitierfähiger Satz – Kopieren mit dem Symbol rechts",
        "Citable sentence – copy with the icon on the right",
    ),
    "sentence_region": ("Satz für Region", "Sentence for region"),
    # compare
    "compare_regions": ("Regionen (2–8)", "Regions (2–8)"),
    "compare_bar_title": ("{indicator}, {year}", "{indicator}, {year}"),
    "compare_index_title": (
        "Mehrere Indikatoren im Vergleich (Deutschland = 100)",
        "Several indicators compared (Germany = 100)",
    ),
    "compare_indicators": ("Indikatoren für den Indexvergleich", "Indicators for the index chart"),
    "compare_time_title": ("{indicator} im Zeitverlauf", "{indicator} over time"),
    "too_many_regions": (
        "Höchstens acht Regionen; die ersten acht werden gezeigt.",
        "At most eight regions; the first eight are shown.",
    ),
    # ranking
    "ranking_kind": ("Regionen", "Regions"),
    "ranking_change_since": ("Veränderung seit", "Change since"),
    "ranking_title": ("{indicator}, {year}: Rangfolge", "{indicator}, {year}: ranking"),
    "rank_neutral_note": (
        "Dieser Indikator hat keine Wertung; Rang 1 ist der größte Wert.",
        "This indicator has no better or worse; rank 1 is the largest value.",
    ),
    # profile
    "profile_region": ("Region", "Region"),
    "profile_headlines": ("Kennzahlen", "Key figures"),
    "profile_all": ("Alle Indikatoren im Vergleich", "All indicators compared"),
    "profile_notable": ("Was auffällt", "What stands out"),
    "profile_notable_help": (
        "Die besten und schwächsten Ränge gegenüber den Vergleichsregionen derselben Art und "
        "die Veränderungen der letzten fünf Jahre, die unter ihnen am größten waren. Nur "
        "Kennzahlen mit klarem Besser oder Schlechter, ohne Größen, ohne Zeitreihenbrüche und "
        "ohne Kennzahlen, die nicht über die Zeit vergleichbar sind.",
        "The best and weakest ranks against the comparison regions of the same kind, and the "
        "changes over the last five years that were largest among them. Only indicators with "
        "a clear better or worse, no sizes, no breaks in the series and none that cannot be "
        "compared over time.",
    ),
    "notable_strengths": ("Stärken", "Strengths"),
    "notable_weaknesses": ("Schwächen", "Weaknesses"),
    "notable_better": ("Größte Verbesserungen", "Largest improvements"),
    "notable_worse": ("Größte Verschlechterungen", "Largest deteriorations"),
    "notable_none": ("Keine.", "None."),
    "approximate_note": (
        "Näherungswert: Regions- und Deutschlandwerte können von den Werten, die das BBSR "
        "selbst veröffentlicht, um bis zu {bound} abweichen (gemessen an den "
        "Metropolregionen und an Deutschland).",
        "Approximate: region and Germany values may differ from those BBSR publishes itself "
        "by up to {bound} (measured on the metropolitan regions and Germany).",
    ),
    "profile_all_help": (
        "Jeder Punkt zeigt den Wert im Verhältnis zu Deutschland (= 100); "
        "Raute: Median der Vergleichsgruppe.",
        "Each dot is the value relative to Germany (= 100); diamond: peer median.",
    ),
    "profile_trends": ("Entwicklung", "Trends"),
    "profile_similar": ("Ähnlichste Regionen", "Most similar regions"),
    "profile_similar_help": (
        "Nach {n} Strukturindikatoren (standardisiert); kleinere Distanz = ähnlicher.",
        "By {n} structural indicators (standardised); smaller distance = more similar.",
    ),
    "profile_members": ("Zugehörige Kreise", "Member Kreise"),
    "profile_definition": ("Abgrenzung", "Definition"),
    "definition_documented": (
        "dokumentiert: die Region veröffentlicht ihre Abgrenzung",
        "documented: the region publishes its extent",
    ),
    "definition_derived": (
        "abgeleitet: Raumordnungsregion des BBSR um die Kernstadt",
        "derived: BBSR spatial planning region around the core city",
    ),
    "profile_print": (
        "Tipp: Über die Druckfunktion des Browsers entsteht ein sauberes PDF.",
        "Tip: the browser's print function makes a clean PDF.",
    ),
    "share": ("Anteil", "Share"),
    "share_whole": ("ganz in der Region", "wholly in the region"),
    "share_part": ("teilweise (Gemeinden)", "partly (some municipalities)"),
    "distance": ("Distanz", "Distance"),
    "most_different": ("Größte Unterschiede", "Largest differences"),
    "lists": ("Listen", "Lists"),
    # trends
    "trend_regions": ("Regionen hervorheben", "Highlight regions"),
    "trend_index": ("Index (Basisjahr = 100)", "Index (base year = 100)"),
    "trend_base": ("Basisjahr", "Base year"),
    "trend_no_index": ("Originalwerte", "Original values"),
    "trend_title": (
        "{indicator}: Mediane der Gruppen und ausgewählte Regionen",
        "{indicator}: group medians and selected regions",
    ),
    "gap_title": (
        "Abstand Regiopolregionen zu Metropolregionen (Median)",
        "Gap between regiopole and metropolitan regions (median)",
    ),
    "cv_label": (
        "Streuung aller Regionen (Variationskoeffizient)",
        "Spread across all regions (coefficient of variation)",
    ),
    "one_year_only": (
        "Für diesen Indikator gibt es nur ein Jahr; eine Entwicklung lässt sich nicht zeigen.",
        "This indicator has a single year only; there is no trend to show.",
    ),
    # scatter
    "scatter_x": ("Indikator waagerecht", "Horizontal indicator"),
    "scatter_y": ("Indikator senkrecht", "Vertical indicator"),
    "scatter_labels": ("Beschriftete Regionen", "Labelled regions"),
    "scatter_move": ("Bewegung seit", "Movement since"),
    "scatter_move_none": ("keine", "none"),
    "scatter_title": ("{x} und {y}, {year}", "{x} and {y}, {year}"),
    "scatter_size": ("Kreisgröße: Einwohner", "Bubble size: population"),
    # methods
    "methods_catalogue": ("Indikatoren", "Indicators"),
    "methods_regions": ("Regionen und ihre Abgrenzung", "Regions and their definitions"),
    "methods_lists": ("Drei Regiopolen-Listen", "Three regiopole lists"),
    "methods_lists_text": (
        "**Aring/Reuther 2008 (25 Städte, Standard):** Die Studie der Universität Kassel "
        "prüfte 33 Großstädte außerhalb der Metropolkerne und Ballungsräume und benannte 25 "
        "als mögliche Regiopolen – daher die oft zitierte Zahl 33. Auf dieses Verständnis "
        "beruft sich das RegioPole-Netzwerk.\n\n"
        "**RegioStaR 2018 (35 Städte):** Die amtliche Raumtypologie des Bundes weist jeder "
        "Gemeinde einen Typ zu; Typ 121 ist die Regiopole. Eine Regel für ganz Deutschland, "
        "aber elf dieser Städte liegen selbst in Metropolregionen.\n\n"
        "**RegioPole-Netzwerk (8 Städte):** Bielefeld, Erfurt, Koblenz, Paderborn, Rostock, "
        "Siegen, Trier und Würzburg arbeiten seit 2016 bzw. 2019 zusammen.",
        "**Aring/Reuther 2008 (25 cities, default):** the Universität Kassel study screened 33 "
        "large cities outside metropolitan cores and agglomerations and named 25 as possible "
        "regiopoles – hence the often-quoted 33. The RegioPole network builds on this view.\n\n"
        "**RegioStaR 2018 (35 cities):** the federal spatial typology gives every municipality "
        "a type; type 121 is the regiopole. One rule for all of Germany, but eleven of these "
        "cities lie inside metropolitan regions themselves.\n\n"
        "**RegioPole network (8 cities):** Bielefeld, Erfurt, Koblenz, Paderborn, Rostock, "
        "Siegen, Trier and Würzburg have worked together since 2016 or 2019.",
    ),
    "methods_downloads": ("Downloads", "Downloads"),
    "methods_cite": ("Zitieren", "Cite"),
    "methods_cite_text": (
        "Regiopolen-Monitor ({date}): Indikatoren für Regiopol- und Metropolregionen. "
        "Datengrundlage: {sources}.",
        "Regiopole Monitor ({date}): indicators for regiopole and metropolitan regions. "
        "Data: {sources}.",
    ),
    "methods_aggregation": ("So werden Regionswerte berechnet", "How region values are computed"),
    "methods_aggregation_text": (
        "Zählgrößen werden summiert; Quoten werden aus summiertem Zähler und Nenner neu "
        "berechnet, nie als Mittel der Kreisquoten; wo nur eine Quote veröffentlicht ist, "
        "wird sie mit ihrer Bezugsgröße gewichtet. Teilweise zugehörige Kreise gehen mit "
        "ihrem Anteil ein. Fehlt ein Kreis, bleibt der Regionswert leer. Unsere Werte für "
        "die Metropolregionen stimmen mit den vom BBSR veröffentlichten überein.",
        "Counts are summed; rates are recomputed from the summed numerator and denominator, "
        "never averaged across Kreise; where only a rate is published it is weighted by its "
        "base. Partly included Kreise count with their share. If a Kreis is missing, the "
        "region value stays empty. Our values for the metropolitan regions match those BBSR "
        "publishes.",
    ),
    "db_file": ("DuckDB-Datei (alle Tabellen)", "DuckDB file (all tables)"),
    "aggregation": ("Berechnung für Regionen", "Region value"),
    "caveats": ("Hinweise", "Caveats"),
    "note_break_in_change": (
        "Bruch in der Zeitreihe {years}: die Veränderung {start}→{end} verbindet zwei "
        "Grundlagen (z. B. eine neue Zensus-Basis).",
        "Statistical break in {years}: the change {start}→{end} mixes two bases (e.g. a new "
        "census base).",
    ),
    "note_break_in_series": (
        "Bruch in der Zeitreihe {years}: Werte davor und danach sind nur eingeschränkt "
        "vergleichbar.",
        "Statistical break in {years}: levels before and after are not strictly comparable.",
    ),
    "note_earlier_years": (
        "Für einige Indikatoren gilt das letzte frühere Jahr: {older}.",
        "The latest earlier year is used for some indicators: {older}.",
    ),
    "higher": ("höher", "higher"),
    "lower": ("niedriger", "lower"),
    "weighted_by": ("gewichtet mit", "weighted by"),
    "choose_placeholder": ("Bitte auswählen", "Choose options"),
    "not_over_time": (
        "Dieser Index wird jedes Jahr neu skaliert: Werte verschiedener Jahre sind nicht "
        "vergleichbar, daher zeigt diese Seite für ihn keine Entwicklung. Rangliste, Karte "
        "und Vergleich zeigen ihn für ein Jahr.",
        "This index is rescaled every year: values of different years are not comparable, "
        "so this page shows no trend for it. Ranking, map and comparison show it for one year.",
    ),
    "indicator_notes": (
        "Definition und Hinweise: {indicator}",
        "Definition and caveats: {indicator}",
    ),
    "description": ("Definition", "Definition"),
    "years": ("Jahre", "Years"),
    "topic": ("Thema", "Topic"),
    "members": ("Kreise", "Kreise"),
    "status": ("Status", "Status"),
    # --- downloads and tables in words (issue 14): column headings, flags, table names ---
    "col_key": ("Schlüssel", "Key"),
    "col_ags": ("Kreisschlüssel", "District key"),
    "col_name": ("Name", "Name"),
    "col_series": ("Region oder Gruppe", "Region or group"),
    "col_previous_year": ("Vergleichsjahr", "Comparison year"),
    "col_group_value": ("Wert der Gruppe", "Group value"),
    "col_gap": ("Abstand", "Gap"),
    "col_index": ("Index", "Index"),
    "col_index_de": ("Index (Deutschland = 100)", "Index (Germany = 100)"),
    "col_change_pct": ("Veränderung (%)", "Change (%)"),
    "col_ratio": ("Verhältnis", "Ratio"),
    "col_cv": ("Variationskoeffizient", "Coefficient of variation"),
    "col_coverage": ("Abdeckung", "Coverage"),
    "col_n": ("Anzahl Regionen", "Number of regions"),
    "col_n_regiopole": ("Anzahl Regiopolregionen", "Number of regiopole regions"),
    "col_n_metropolitan": ("Anzahl Metropolregionen", "Number of metropolitan regions"),
    "col_across_break": ("Über einen statistischen Bruch", "Across a statistical break"),
    "col_break": ("Statistischer Bruch", "Statistical break"),
    "col_reference": ("Vergleichswert", "Reference value"),
    "col_own": ("Eigene Region", "Own region"),
    "col_yes": ("ja", "yes"),
    "col_no": ("nein", "no"),
    "col_decimals": ("Nachkommastellen", "Decimals"),
    "table_indicators": ("Indikatoren", "Indicators"),
    "table_regions": ("Regionen", "Regions"),
    "table_region_members": ("Kreise der Regionen", "Kreise of the regions"),
    "table_kreise": ("Kreise", "Kreise"),
    "table_region_values": ("Werte der Regionen", "Values of the regions"),
    "table_sources": ("Quellen", "Sources"),
    "table_download": ("{table} (CSV)", "{table} (CSV)"),
    # charts in words (display.summaries) and their data tables; presentation slides
    "summary_extremes": (
        "{what}: höchster Wert {top} ({top_value}), niedrigster Wert {low} ({low_value}); "
        "{n} Regionen mit Wert.",
        "{what}: highest value {top} ({top_value}), lowest {low} ({low_value}); "
        "{n} regions with a value.",
    ),
    "summary_missing": ("Ohne Wert: {n}.", "Without a value: {n}."),
    "summary_none": ("{what}: keine Werte.", "{what}: no values."),
    "summary_line": (
        "{series} von {start} ({start_year}) auf {end} ({end_year})",
        "{series} from {start} ({start_year}) to {end} ({end_year})",
    ),
    "summary_dots": (
        "{series}: am höchsten bei {top} ({top_value}), am niedrigsten bei {low} ({low_value}).",
        "{series}: highest on {top} ({top_value}), lowest on {low} ({low_value}).",
    ),
    "summary_correlation": (
        "{what}: {n} Regionen; Korrelationskoeffizient nach Pearson r = {r} "
        "(1: gleichläufig, 0: kein linearer Zusammenhang, −1: gegenläufig).",
        "{what}: {n} regions; Pearson correlation coefficient r = {r} "
        "(1: moving together, 0: no linear relation, −1: moving apart).",
    ),
    "direction_higher_better": ("↑ höher ist besser", "↑ higher is better"),
    "direction_lower_better": ("↓ niedriger ist besser", "↓ lower is better"),
    "direction_neutral": ("ohne Wertung", "neither better nor worse"),
    "member_map_words": (
        "Karte der Lage: {region} umfasst {n} Kreise, {whole} ganz und {part} anteilig; "
        "Namen und Anteile stehen in der Tabelle darunter.",
        "Map of the location: {region} covers {n} Kreise, {whole} whole and {part} in part; "
        "names and shares are in the table below.",
    ),
    "note": ("Hinweis", "Note"),
    "headline_rank": (
        "{region}: Rang {rank} von {n} {group} ({value}, {year})",
        "{region}: rank {rank} of {n} {group} ({value}, {year})",
    ),
    "headline_rank_tied": (
        "{region}: Rang {rank} (gleichauf) von {n} {group} ({value}, {year})",
        "{region}: rank {rank} (shared) of {n} {group} ({value}, {year})",
    ),
    "headline_no_value": ("{region}: kein Wert für {year}", "{region}: no value for {year}"),
    "legend_regiopole": ("Regiopolregion", "Regiopole region"),
    "legend_metropolitan_region": (
        "Metropolregion (schraffiert)",
        "Metropolitan region (hatched)",
    ),
    "median_of_set": ("Median {set}", "Median {set}"),
    "compare_germany": (
        "Zum Vergleich: Deutschland insgesamt {value} ({year}).",
        "For comparison: Germany as a whole {value} ({year}).",
    ),
    "chart_in_words": ("Diagramm in Worten", "Chart in words"),
    "chart_as_table": (
        "Daten des Diagramms als Tabelle",
        "The chart's data as a table",
    ),
    "slide_next_title": ("Nächste Folie: {title}", "Next slide: {title}"),
    "slide_last": ("Letzte Folie", "Last slide"),
    "slide_jump": ("Folie wählen", "Go to slide"),
    "slide_leave": ("Beenden", "Leave"),
    "slide_leave_help": (
        "Präsentation verlassen und die Seite dieser Folie öffnen",
        "Leave the presentation and open this slide's page",
    ),
    "back": ("Zurück", "Back"),
    "forward": ("Weiter", "Next"),
    "slide_source": ("Quelle", "Source"),
    "notice_bad_slide": (
        "Folie {asked} gibt es in dieser Präsentation nicht – es wird Folie {shown} von "
        "{total} gezeigt.",
        "This presentation has no slide {asked} – showing slide {shown} of {total}.",
    ),
}


# Catalogue fields that exist once per language: German under one name, English under the other.
FIELDS = {
    "label": ("label_de", "label_en"),
    "unit": ("unit_de", "unit"),
    "description": ("description_de", "description_en"),
    "caveats": ("caveats_de", "caveats"),
    "ranking_note": ("ranking_note_de", "ranking_note_en"),
}


def field(info, name, lang="de"):
    """An indicator's catalogue field (`info`: its row) in the reader's language."""
    de, en = FIELDS[name]
    return info[de if lang == "de" else en]


def t(key, lang="de", **values):
    """The text for `key` in `lang`, with {placeholders} filled in."""
    de, en = TEXT[key]
    text = de if lang == "de" else en
    return text.format(**values) if values else text
