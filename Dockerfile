FROM python:3.11-slim
RUN useradd --create-home --uid 10001 monitor
WORKDIR /app
COPY pyproject.toml README.md targets.toml ./
COPY monitor ./monitor
COPY scrapers ./scrapers
COPY reports ./reports
RUN pip install --no-cache-dir . && mkdir -p /data && chown monitor /data
USER monitor
ENV MONITOR_DATA_DIR=/data MONITOR_TARGETS_FILE=/app/targets.toml
ENTRYPOINT ["monitor"]
CMD ["run", "--once"]
