"""The deployment files agree with each other and with the app: the Dockerfile and
.dockerignore, deploy/compose.yaml, deploy/haproxy.cfg and deploy/k8s/dashboard.yaml.

No Docker or cluster needed: the files are read and compared (haproxy checks its own
configuration when it is installed)."""

import json
import re
import subprocess
import tomllib
from pathlib import Path

import pytest
import yaml

from deploy.cluster import haproxy_binary
from indicators import build, paths
from indicators.display import pages as registry

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
DOCKERFILE = ROOT / "Dockerfile"
HAPROXY = DEPLOY / "haproxy.cfg"
PORT = 8501
HEALTH = "/_stcore/health"
HEALTH_URL = f"http://localhost:{PORT}{HEALTH}"
COMMAND = [
    *("streamlit", "run", "serve.py"),
    *("--server.address", "0.0.0.0", "--server.port", str(PORT), "--server.headless", "true"),
]
# What installing the app needs (requirements.txt ends with `-e .`, the project itself).
INSTALL = {"requirements.txt", "pyproject.toml"}
# Top-level paths of the repository the running app does not need.
NOT_NEEDED = {
    *(".ci", ".gitignore", ".dockerignore", "Dockerfile", "README.md", "requirements-dev.txt"),
    *("bench", "deploy", "docs", "tests"),
}
# Development tools in src/indicators, never run in the image: the ingest (from ../shared)
# and the documentation writer (docs/, README.md).
DEVELOPMENT_MODULES = ("ingest", "docs.py")


def dockerfile():
    """(INSTRUCTION, arguments) of the Dockerfile: comments dropped, continuations joined."""
    lines = [line for line in DOCKERFILE.read_text().splitlines() if not line.startswith("#")]
    text = re.sub(r"\\\n\s*", " ", "\n".join(lines))
    return [
        (word.upper(), rest.strip())
        for word, _, rest in (line.strip().partition(" ") for line in text.splitlines())
        if word
    ]


def instruction(name):
    found = [args for word, args in dockerfile() if word == name]
    assert len(found) == 1, f"one {name} in the Dockerfile, found {found}"
    return found[0]


def index_of(predicate):
    """Position of the first Dockerfile instruction that predicate((word, args)) accepts."""
    return next(n for n, step in enumerate(dockerfile()) if predicate(step))


def copies():
    """[(position, sources, destination)] of the COPY instructions."""
    result = []
    for n, (word, args) in enumerate(dockerfile()):
        if word == "COPY":
            *sources, destination = [w for w in args.split() if not w.startswith("--")]
            sources = [source.rstrip("/").removeprefix("./") for source in sources]
            result.append((n, sources, destination))
    return result


def copied():
    return {source for _, sources, _ in copies() for source in sources}


def healthcheck_command():
    return json.loads(instruction("HEALTHCHECK").split(" CMD ", 1)[1])


def image_user():
    """The uid the image runs as."""
    return int(instruction("USER").split(":")[0])


def tracked():
    """The repository's files (git ls-files)."""
    try:
        listing = subprocess.run(
            ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, text=True, check=True
        ).stdout
    except (OSError, subprocess.CalledProcessError) as exc:
        pytest.skip(f"needs a git checkout of the repository: {exc}")
    return [name for name in listing.split("\0") if name]


def _regex(pattern):
    """A .dockerignore pattern as Docker matches it: `*` and `?` within one path segment,
    `**` across segments."""
    out, i = "", 0
    while i < len(pattern):
        if pattern.startswith("**/", i):
            out, i = out + "(?:.*/)?", i + 3
        elif pattern.startswith("**", i):
            out, i = out + ".*", i + 2
        else:
            out += {"*": "[^/]*", "?": "[^/]"}.get(pattern[i], re.escape(pattern[i]))
            i += 1
    return re.compile(out + r"\Z")


def ignored():
    """Whether a path of the build context (relative, with /) is left out of it: the last
    matching pattern decides (`!` takes back), and a left-out folder takes its contents."""
    rules = []
    for line in (ROOT / ".dockerignore").read_text().splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            keep = line.startswith("!")
            rules.append((keep, _regex(line.removeprefix("!").strip("/"))))

    def check(path):
        parts = path.split("/")
        prefixes = ["/".join(parts[: n + 1]) for n in range(len(parts))]
        result = False
        for keep, regex in rules:
            if any(regex.match(prefix) for prefix in prefixes):
                result = not keep
        return result

    return check


def read_by_the_app():
    """The top-level paths the running app reads, found in its code: folders below
    paths.REPO_ROOT (src/indicators, without its development tools), relative paths named in
    dashboard.py and serve.py; the working directory's .streamlit/ (Streamlit's settings) and
    the script the image runs."""
    names = {".streamlit", COMMAND[2]}
    for path in (ROOT / "src" / "indicators").rglob("*.py"):
        if path.relative_to(ROOT / "src" / "indicators").parts[0] not in DEVELOPMENT_MODULES:
            names |= set(re.findall(r'REPO_ROOT\s*/\s*"([^"]+)"', path.read_text()))
    for script in ("dashboard.py", "serve.py"):
        text = (ROOT / script).read_text()
        names |= set(re.findall(r"""["'](\.?\w[\w.-]*)/[\w.{}/-]*["']""", text))
        names |= set(re.findall(r"""with_name\(["']([\w.-]+)["']\)""", text))
        names |= set(re.findall(r"""["']([\w-]+\.py)["']""", text))
    return {name for name in names if (ROOT / name).exists()}


def compose():
    return yaml.safe_load((DEPLOY / "compose.yaml").read_text())


def app_services():
    """The compose services built from the repository (the workers)."""
    return {name: s for name, s in compose()["services"].items() if "build" in s}


def kubernetes():
    documents = yaml.safe_load_all((DEPLOY / "k8s" / "dashboard.yaml").read_text())
    by_kind = {}
    for document in documents:
        assert document["kind"] not in by_kind, f"two of kind {document['kind']}"
        by_kind[document["kind"]] = document
    return by_kind


def pod_container():
    (container,) = kubernetes()["Deployment"]["spec"]["template"]["spec"]["containers"]
    return container


def haproxy_lines():
    lines = (line.split("#", 1)[0].strip() for line in HAPROXY.read_text().splitlines())
    return [line for line in lines if line]


def seconds(duration):
    """An HAProxy time (`1h`, `60s`, `5000` ms) in seconds."""
    number, unit = re.fullmatch(r"(\d+)(us|ms|s|m|h|d)?", duration).groups()
    return int(number) * {"us": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600, "d": 86400}.get(
        unit, 1e-3
    )


def mebibytes(quantity):
    """A Kubernetes memory quantity (`1536Mi`, `2Gi`, `1G`) in MiB."""
    number, unit = re.fullmatch(r"(\d+)([KMGT]i?)?", quantity).groups()
    factor = {"Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "K": 1e3, "M": 1e6, "G": 1e9}.get(unit, 1)
    return int(number) * factor / 2**20


def cores(quantity):
    """A Kubernetes CPU quantity (`1`, `500m`) in cores."""
    return int(quantity[:-1]) / 1000 if str(quantity).endswith("m") else float(quantity)


# --- Dockerfile and .dockerignore -------------------------------------------------------


def test_image_runs_serve_py_on_the_port_it_exposes():
    assert instruction("FROM") == "python:3.11-slim"
    assert json.loads(instruction("CMD")) == COMMAND
    assert (ROOT / COMMAND[2]).is_file()
    assert instruction("EXPOSE") == str(PORT)
    assert "ENTRYPOINT" not in {word for word, _ in dockerfile()}


def test_image_health_check_asks_streamlit_with_python():
    """python:3.11-slim has no curl: the check is Python's urllib, on Streamlit's health
    route, which fails (an exception, exit status 1) on anything but a 2xx answer."""
    command = healthcheck_command()
    assert command[:2] == ["python", "-c"]
    assert f"urlopen('{HEALTH_URL}'" in command[2]


def test_image_copies_what_the_app_reads_and_nothing_else():
    needed = read_by_the_app()
    assert {"data", "presentations", "static", "views", "dashboard.py", "serve.py"} <= needed
    assert copied() == needed | {"src"} | INSTALL
    for source in copied():
        assert (ROOT / source).exists(), source
    # Every page's script (dashboard.py: views/<name>.py) is in views/.
    for page in registry.PAGES:
        assert (ROOT / "views" / f"{page.name}.py").is_file(), page.name


def test_image_keeps_the_repository_layout():
    """indicators.paths finds data/, presentations/ and static/ beside src/ (REPO_ROOT), so
    each folder lands under the working directory by its own name."""
    assert paths.REPO_ROOT == ROOT
    for _, sources, destination in copies():
        if len(sources) == 1 and (ROOT / sources[0]).is_dir():
            assert destination.rstrip("/") == sources[0], (sources, destination)
        else:
            assert destination in (".", "./"), (sources, destination)


def test_every_top_level_path_is_either_copied_or_not_needed():
    """A new folder or file at the top of the repository needs a decision: copied into the
    image (Dockerfile) or named here as not needed at run time."""
    top = {name.split("/")[0] for name in tracked()}
    assert top - copied() - NOT_NEEDED == set()
    assert copied() & NOT_NEEDED == set()


def test_image_installs_the_requirements_and_the_project_editable():
    """requirements.txt installs the project as `-e .`: the image does so as well (after
    its sources are in), because indicators.paths takes REPO_ROOT from the package's place."""
    requirements = (ROOT / "requirements.txt").read_text().splitlines()
    assert "-e ." in requirements
    installs_requirements = index_of(
        lambda step: step[0] == "RUN" and "pip install" in step[1] and "requirements" in step[1]
    )
    installs_project = index_of(
        lambda step: step[0] == "RUN" and "pip install" in step[1] and step[1].endswith("-e .")
    )
    copied_at = {source: n for n, sources, _ in copies() for source in sources}
    assert copied_at["requirements.txt"] < installs_requirements < installs_project
    assert copied_at["pyproject.toml"] < installs_project
    assert copied_at["src"] < installs_project


def test_image_builds_the_database_from_its_own_inputs_as_root():
    """Built after every COPY (so from the data/ and catalogue the image holds: open_db finds
    the fingerprint current and never writes) and before the switch to the app's user."""
    steps = dockerfile()
    builds = index_of(lambda step: step[0] == "RUN" and "python -m indicators.build" in step[1])
    last_copy = max(n for n, (word, _) in enumerate(steps) if word == "COPY")
    assert last_copy < builds < index_of(lambda step: step[0] == "USER")
    inputs = [f"data/{name}" for name in build.INPUT_FILES]
    inputs.append(paths.CATALOGUE_PATH.relative_to(ROOT).as_posix())
    skip = ignored()
    for name in inputs:
        assert name.split("/")[0] in copied(), name
        assert not skip(name), f"{name} is left out of the build context"


def test_image_runs_as_a_user_of_its_own():
    assert image_user() != 0
    assert instruction("USER").split(":")[0] not in ("root", "0")


def test_dockerignore_leaves_out_development_files_and_the_local_database():
    skip = ignored()
    for name in (
        ".git/HEAD",
        ".venv/bin/python",
        "tests/test_build.py",
        "bench/results/run.json",
        "bench/run.py",
        "docs/indicators.md",
        "data/regiopole.duckdb",
        "src/indicators/__pycache__/db.cpython-311.pyc",
        ".pytest_cache/README.md",
        ".ruff_cache/CACHEDIR.TAG",
    ):
        assert skip(name), f"{name} is in the build context"


def test_dockerignore_keeps_everything_the_image_copies():
    skip = ignored()
    needed = [
        name
        for name in tracked()
        if name.split("/")[0] in copied() and "__pycache__" not in name.split("/")
    ]
    assert needed
    assert [name for name in needed if skip(name)] == []


# --- deploy/compose.yaml ------------------------------------------------------------------


def test_compose_has_two_workers_from_one_definition():
    config, text = compose(), (DEPLOY / "compose.yaml").read_text()
    apps = app_services()
    assert sorted(apps) == ["app1", "app2"]
    assert re.search(r"^x-app: &app$", text, re.M)
    assert len(re.findall(r"^    <<: \*app$", text, re.M)) == len(apps)
    for service in apps.values():
        assert service == config["x-app"]
    assert (DEPLOY / config["x-app"]["build"]["context"]).resolve() == ROOT
    assert (ROOT / config["x-app"]["build"]["dockerfile"]).is_file()


def test_compose_workers_check_health_as_the_image_does():
    for service in app_services().values():
        assert service["healthcheck"]["test"] == ["CMD", *healthcheck_command()]


def test_compose_balancer_uses_the_haproxy_config_and_waits_for_healthy_workers():
    balancer = compose()["services"]["balancer"]
    assert balancer["image"].startswith("haproxy:2.6")
    (volume,) = balancer["volumes"]
    source, target, mode = volume.split(":")
    assert (DEPLOY / source).resolve() == HAPROXY
    assert (target, mode) == ("/usr/local/etc/haproxy/haproxy.cfg", "ro")
    assert balancer["ports"] == [f"{PORT}:{PORT}"]
    assert balancer["depends_on"] == {
        name: {"condition": "service_healthy"} for name in app_services()
    }


# --- deploy/haproxy.cfg -------------------------------------------------------------------


def test_haproxy_servers_are_the_compose_workers():
    servers = [line.split() for line in haproxy_lines() if line.startswith("server ")]
    assert {words[1]: words[2] for words in servers} == {
        name: f"{name}:{PORT}" for name in app_services()
    }
    for words in servers:  # each names its own worker in the affinity cookie
        assert words[words.index("cookie") + 1] == words[1]
    assert f"bind :{PORT}" in haproxy_lines()


def test_haproxy_has_cookie_affinity_and_streamlit_health_check():
    lines = haproxy_lines()
    assert 'cookie REGIOPOLE_WORKER insert indirect nocache httponly attr "SameSite=Lax"' in lines
    assert f"option httpchk GET {HEALTH}" in lines
    assert "balance leastconn" in lines


@pytest.mark.skipif(haproxy_binary() is None, reason="haproxy is not installed")
def test_haproxy_accepts_the_config():
    result = subprocess.run(
        [haproxy_binary(), "-c", "-f", str(HAPROXY)], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr


# --- deploy/k8s/dashboard.yaml ------------------------------------------------------------


def test_k8s_deployment_runs_the_image_as_built():
    objects = kubernetes()
    assert set(objects) == {"Deployment", "Service", "Ingress"}
    deployment = objects["Deployment"]["spec"]
    assert deployment["replicas"] == 3
    pod = deployment["template"]
    assert deployment["selector"]["matchLabels"].items() <= pod["metadata"]["labels"].items()
    container = pod_container()
    assert container["image"] == compose()["x-app"]["image"] == "regiopolen-monitor:latest"
    # the image's CMD, or the same command spelt out
    assert container.get("command", []) + container.get("args", []) in ([], COMMAND)
    assert [port["containerPort"] for port in container["ports"]] == [PORT]
    assert pod["spec"]["securityContext"]["runAsUser"] == image_user()
    assert pod["spec"]["securityContext"]["runAsNonRoot"] is True


def test_k8s_probes_ask_streamlit_health():
    container = pod_container()
    for probe in ("readinessProbe", "livenessProbe"):
        assert container[probe]["httpGet"] == {"path": HEALTH, "port": PORT}


def test_k8s_resources_fit_one_streamlit_process():
    resources = pod_container()["resources"]
    assert cores(resources["requests"]["cpu"]) == 1  # one process computes on one core
    assert "cpu" not in resources["limits"]  # throttled, a busy pod would miss its probes
    assert 1024 <= mebibytes(resources["limits"]["memory"]) <= 2048
    assert mebibytes(resources["requests"]["memory"]) <= mebibytes(resources["limits"]["memory"])


def test_k8s_service_keeps_a_client_on_one_pod():
    objects = kubernetes()
    service = objects["Service"]["spec"]
    pod_labels = objects["Deployment"]["spec"]["template"]["metadata"]["labels"]
    assert service["selector"].items() <= pod_labels.items()
    assert [(port["port"], port["targetPort"]) for port in service["ports"]] == [(80, PORT)]
    assert service["sessionAffinity"] == "ClientIP"
    assert service["sessionAffinityConfig"]["clientIP"]["timeoutSeconds"] > 0


def test_k8s_ingress_has_cookie_affinity_for_long_websockets():
    objects = kubernetes()
    ingress = objects["Ingress"]
    notes = {
        key.removeprefix("nginx.ingress.kubernetes.io/"): value
        for key, value in ingress["metadata"]["annotations"].items()
    }
    assert notes["affinity"] == "cookie"
    assert notes["affinity-mode"] == "persistent"
    # the same cookie name as the HAProxy setup
    assert f"cookie {notes['session-cookie-name']} insert" in " ".join(haproxy_lines())
    # a quiet websocket is kept as long as HAProxy keeps it
    (tunnel,) = [line.split()[2] for line in haproxy_lines() if line.startswith("timeout tunnel")]
    for timeout in ("proxy-read-timeout", "proxy-send-timeout"):
        assert int(notes[timeout]) >= seconds(tunnel) >= 3600
    # the largest upload Streamlit takes (MB) passes nginx's body limit
    settings = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    body = re.fullmatch(r"(\d+)m", notes["proxy-body-size"])
    assert body and int(body[1]) > settings["server"]["maxUploadSize"]
    assert ingress["spec"]["ingressClassName"] == "nginx"
    (rule,) = ingress["spec"]["rules"]
    (path,) = rule["http"]["paths"]
    backend = path["backend"]["service"]
    assert backend["name"] == objects["Service"]["metadata"]["name"]
    assert backend["port"]["number"] == objects["Service"]["spec"]["ports"][0]["port"]
