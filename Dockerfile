# One worker of the Regiopolen-Monitor: `streamlit run serve.py` on port 8501, with its
# database built into the image. Several of these go behind a balancer with session
# affinity (deploy/compose.yaml, deploy/k8s/dashboard.yaml).
#
#   docker build -t regiopolen-monitor:latest .
#   docker run --rm -p 8501:8501 regiopolen-monitor:latest
FROM python:3.11-slim

# STREAMLIT_LOGGER_HIDE_WELCOME_MESSAGE: headless on 0.0.0.0, Streamlit would print its URLs
# at start and ask an outside web service for the machine's external address to do so.
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    STREAMLIT_LOGGER_HIDE_WELCOME_MESSAGE=true

WORKDIR /app

# The pinned dependencies of requirements.txt first, in a layer of their own that a change
# of the app's code does not invalidate; its last line (`-e .`, the project itself) needs
# the sources and is installed below.
COPY requirements.txt ./
RUN grep -v '^-e ' requirements.txt > /tmp/runtime.txt \
    && pip install -r /tmp/runtime.txt \
    && rm /tmp/runtime.txt

# The project itself, editable as requirements.txt has it: indicators.paths finds data/,
# presentations/ and static/ beside src/ (REPO_ROOT), which a copy in site-packages would
# not. No dependencies here: all of them are installed above.
COPY pyproject.toml ./
COPY src/ src/
RUN pip install --no-deps -e .

# What the app reads at run time, and nothing else (no tests/, bench/, docs/).
COPY .streamlit/ .streamlit/
COPY data/ data/
COPY presentations/ presentations/
COPY static/ static/
COPY views/ views/
COPY dashboard.py serve.py ./

# The database, from the same data/ and catalogue as the image holds: open_db finds its
# fingerprint current and never rebuilds, so the app only reads (its user cannot write
# here). Also: the code compiled now (PYTHONDONTWRITEBYTECODE: no writes at run time), and
# anything the build context brought without read permission for others made readable.
RUN python -m indicators.build \
    && python -m compileall -q src views \
    && find /app \( ! -perm -o=r -o -type d ! -perm -o=x \) -exec chmod o+rX {} +

# A user of its own without write access to /app (numeric, so that Kubernetes'
# runAsNonRoot can check it).
RUN useradd --uid 10001 --user-group --create-home --shell /usr/sbin/nologin regiopole
USER 10001:10001

EXPOSE 8501

# Streamlit answers "ok" once it can serve sessions (slim has no curl: Python's urllib).
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8501/_stcore/health', timeout=4)"]

CMD ["streamlit", "run", "serve.py", "--server.address", "0.0.0.0", "--server.port", "8501", "--server.headless", "true"]
