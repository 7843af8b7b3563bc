"""gunicorn settings of the portal: `gunicorn -c gunicorn.conf.py pilkada_portal.wsgi`.

Web workers only serve pages: documents are rendered by task workers (docs/DEPLOY.md), so a
sync worker is never held for seconds. Request bodies are limited by
pilkada_portal.middleware.RequestBodyLimitMiddleware before they are read, and a buffering
reverse proxy (nginx, docs/DEPLOY.md) in front keeps slow clients off the workers.
"""

import os

from pilkada_portal.runtime import tune_gc


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise SystemExit(f"{name} must be a whole number, not {value!r}") from None


bind = os.environ.get("WEB_BIND", "127.0.0.1:8000")
# Two sync workers per core is plenty when no worker renders: a page takes milliseconds.
workers = _int("WEB_WORKERS", 2 * (os.cpu_count() or 1))
worker_class = os.environ.get("WEB_WORKER_CLASS", "sync")
threads = _int("WEB_THREADS", 1)
# A request that takes longer than this is stuck: gunicorn restarts its worker.
timeout = _int("WEB_TIMEOUT", 30)
graceful_timeout = _int("WEB_GRACEFUL_TIMEOUT", 30)
keepalive = 5
# Worker processes are replaced now and then, so that no slow leak grows for weeks.
max_requests = _int("WEB_MAX_REQUESTS", 5000)
max_requests_jitter = max_requests // 10
# Request line and headers stay small; bodies are limited by the portal's middleware.
limit_request_line = 8190
limit_request_fields = 100
accesslog = os.environ.get("WEB_ACCESS_LOG") or None
loglevel = os.environ.get("WEB_LOG_LEVEL", "info")
# gunicorn's control socket (gunicornc) only where asked for: its default path is one per
# user, which two gunicorns of that user (two web processes on one host) would share.
_control_socket = os.environ.get("WEB_CONTROL_SOCKET", "").strip()
control_socket_disable = not _control_socket
if _control_socket:
    control_socket = _control_socket


def post_worker_init(worker):
    # The application is loaded: freeze it out of the garbage collector's passes.
    tune_gc()
