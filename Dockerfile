# aiplus-monitor: the worker image (also runs every other `monitor` command).
#   docker build -t aiplus-monitor .
#   docker run --rm -v monitordata:/data aiplus-monitor demo
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# A fixed uid/gid so the /data volume keeps the same owner across rebuilds and hosts.
RUN groupadd --system --gid 10001 monitor \
    && useradd --system --uid 10001 --gid monitor --home-dir /home/monitor --create-home monitor

WORKDIR /app

# Only what the installed package needs (see .dockerignore): metadata, targets, the code.
COPY pyproject.toml README.md targets.toml ./
COPY monitor ./monitor
COPY scrapers ./scrapers
COPY reports ./reports

RUN pip install '.[postgres]' \
    && rm -rf build ./*.egg-info \
    && mkdir -p /data \
    && chown monitor:monitor /data

ENV MONITOR_DATA_DIR=/data \
    MONITOR_TARGETS_FILE=/app/targets.toml

# Created after the chown, so a new named volume starts out owned by the monitor user.
VOLUME ["/data"]

USER 10001:10001

# Exec form: `monitor` is PID 1 and receives SIGTERM itself (the worker exits 0 within 30 s).
ENTRYPOINT ["monitor"]
CMD ["worker"]
