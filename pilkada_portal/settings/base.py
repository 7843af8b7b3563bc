"""Settings for the Pilkada Rakor Portal, driven by environment variables.

Every variable read here is documented in `.env.example`. Production differs from
development only by the environment, never by branching on where the code runs.
"""

import os
from datetime import timedelta
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from environs import Env
from marshmallow.validate import OneOf, Range

from pilkada_portal.release import release_fingerprint

BASE_DIR = Path(__file__).resolve().parent.parent.parent

# Typed variables: a value that is not a number, a yes/no or a URL stops the start with the
# variable's name (environs). A `.env` file next to manage.py is read when present (the
# environment wins over it); an empty variable counts as unset, as in a copied .env.example.
env = Env()
env.read_env(BASE_DIR / ".env", recurse=False, override=False)
for _name in [name for name, value in os.environ.items() if not value.strip()]:
    del os.environ[_name]
POSITIVE = Range(min=0)

DEBUG = env.bool("DEBUG", False)

# A development key is acceptable only while DEBUG is on; a production server without
# its own key refuses to start instead of signing sessions with a public value.
SECRET_KEY = env.str("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", [])
# The portal's public address (e.g. https://rakor.example.go.id), for links printed in
# letters and rendered by task workers, which have no request to take a host from.
SITE_URL = env.url("SITE_URL", "", schemes={"http", "https"}, require_tld=False)
SITE_URL = SITE_URL.geturl() if SITE_URL else ""

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "django_htmx",
    "axes",
    "csp",
    "simple_history",
    "rules",
    # Background tasks (documents rendered off the web workers): the database backend by
    # default, RQ over Redis at scale (TASKS_BACKEND below).
    "django_tasks",
    "django_tasks_db",
    "django_rq",
    "django_tasks_rq",
    "pilkada_portal",
    # The layers, from the bottom up (docs/ARCHITECTURE.md).
    "agencies",
    "letters",
    "meetings",
    "briefings",
    "followups",
    "readiness",
    "search",
    "attendance",
    "documents",
    "minutes",
    "demo",
    # Last: its post_migrate hook gives groups the permissions of the apps above,
    # which Django creates in their own post_migrate step.
    "accounts",
]

MIDDLEWARE = [
    # A load balancer's probe by address over plain HTTP: answered before the host check.
    "pilkada_portal.middleware.HealthChecksMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before anything reads a body (the CSRF check reads the form): too large is refused unread.
    "pilkada_portal.middleware.RequestBodyLimitMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "pilkada_portal.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every page needs a signed-in user unless its view opts out (the login page does).
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "pilkada_portal.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # Records the signed-in user on every history row written during the request.
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes requires: it turns a lockout into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "pilkada_portal.urls"
WSGI_APPLICATION = "pilkada_portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            # The usual loaders (DIRS, then each app's templates/), compiled once per process,
            # with the indentation of HTML templates left out of every page.
            "loaders": [
                (
                    "django.template.loaders.cached.Loader",
                    [
                        "pilkada_portal.template_loaders.FilesystemLoader",
                        "pilkada_portal.template_loaders.AppDirectoriesLoader",
                    ],
                )
            ],
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# SQLite in the project folder unless DATABASE_URL names another database
# (PostgreSQL in CI and production).
DATABASES = {
    "default": env.dj_db_url(
        "DATABASE_URL",
        f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env.int("CONN_MAX_AGE", 60, validate=POSITIVE),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded database is written by the web server and the document worker at once:
    # a transaction takes the write lock when it begins (waiting up to 20 s for it) instead
    # of failing with "database is locked" when it first writes, and readers do not wait for
    # writers (WAL).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# E-mail (password reset links). Without EMAIL_HOST no mail is sent: administrators set a
# temporary password instead.
EMAIL_HOST = env.str("EMAIL_HOST", "")
EMAIL_PORT = env.int("EMAIL_PORT", 587, validate=Range(min=1, max=65535))
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", True)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", "portal-rakor@localhost")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.dummy.EmailBackend"
)

AUTHENTICATION_BACKENDS = [
    # First: refuses a login while the username/address pair is locked out.
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend reading a user's permissions in one query instead of two.
    "accounts.backends.PortalBackend",
]
# Five wrong passwords for one username from one address lock that pair for 15 minutes.
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", 5, validate=Range(min=1))
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", 15, validate=POSITIVE))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # lockouts are still logged; start-up and each attempt are not
# Behind a reverse proxy, the client address is the last one the proxies wrote into
# X-Forwarded-For: set AXES_IPWARE_PROXY_COUNT to the number of proxies in front of the portal
# (1 behind the nginx of docs/DEPLOY.md). With 0 the header is ignored: a client could write
# anything there. Login lockouts and the check-in's rate limit per address use this address
# (django-ipware, through django-axes).
PROXIES_IN_FRONT = env.int("AXES_IPWARE_PROXY_COUNT", 0, validate=POSITIVE)
# django-ipware counts the proxies listed in the header after the client's entry; the one
# nearest the portal is not listed there (it is REMOTE_ADDR).
AXES_IPWARE_PROXY_COUNT = PROXIES_IN_FRONT - 1 if PROXIES_IN_FRONT else None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if PROXIES_IN_FRONT else ["REMOTE_ADDR"]
)

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = env.str("LANGUAGE_CODE", "id", validate=OneOf(["id", "en"]))
LANGUAGES = [
    ("id", _("Indonesian")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = env.str("TIME_ZONE", "Asia/Makassar")
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", BASE_DIR / "media")
# Personal data that is never a public file (drawn signatures): outside MEDIA_ROOT, served
# only by views that check access.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", BASE_DIR / "var" / "private")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Rendered page fragments (the meeting page) are cached per process; their keys carry the
# meeting's updated_at, so no cross-process invalidation is needed. CACHE_URL may name a
# shared cache instead (redis://127.0.0.1:6379/1; also locmem://, file:///path, dummy://),
# which several web processes need to share the markers of queued document renders.
CACHES = {"default": env.dj_cache_url("CACHE_URL", "locmem://pilkada")}
# Each release caches under its own prefix (pilkada_portal.release): after an upgrade no
# fragment rendered by the templates it replaced is served from a shared cache. A prefix
# given in CACHE_URL (?key_prefix=...) is kept in front of it.
CACHES["default"]["KEY_PREFIX"] = ":".join(
    filter(None, [CACHES["default"].get("KEY_PREFIX", ""), release_fingerprint(BASE_DIR)])
)

# Content-Security-Policy: only the portal's own files; no inline script or style anywhere
# (htmx's inline indicator style is switched off in base.html). Bootstrap draws a few icons
# as data: SVG images.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# HTTPS=1 in production: secure cookies, redirect to HTTPS, HSTS. Behind a proxy that ends
# TLS, also set SECURE_PROXY_SSL_HEADER=1 (trusts X-Forwarded-Proto: https).
HTTPS = env.bool("HTTPS", False)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", 31536000, validate=POSITIVE) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env.bool("SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", 8 * 60 * 60, validate=Range(min=60))
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
CSRF_FAILURE_VIEW = "pilkada_portal.views.csrf_failure"
# Request bodies, refused by their Content-Length before they are read
# (pilkada_portal.middleware.RequestBodyLimitMiddleware): forms and the phone check-in (a
# drawn signature of up to 200 KB) stay under 1 MB; institution forms carry a logo (at most
# LOGO_MAX_BYTES, checked next to the field); the public verification page a final Notula.
REQUEST_BODY_MAX_BYTES = env.int(
    "REQUEST_BODY_MAX_BYTES", 1024 * 1024, validate=Range(min=64 * 1024)
)
REQUEST_BODY_LIMITS = {
    prefix: max(limit, REQUEST_BODY_MAX_BYTES)
    for prefix, limit in {
        "/agencies/": 5 * 1024 * 1024,
        "/admin/": 5 * 1024 * 1024,
        "/verifikasi/": 10 * 1024 * 1024,
        # Briefing attachments: a 20 MB file and the form around it.
        "/lampiran/": 20 * 1024 * 1024 + 64 * 1024,
    }.items()
}
# Form fields beyond this are refused by Django; uploaded files beyond this go to a temporary
# file instead of memory.
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Uploaded letterhead logos stay small: a kop needs a few hundred pixels, not a photo.
LOGO_MAX_BYTES = env.int("LOGO_MAX_BYTES", 1024 * 1024, validate=Range(min=1))

LOG_LEVEL = env.log_level("LOG_LEVEL", "INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    # WeasyPrint reports every rendering step at INFO; its warnings (a refused fetch) stay.
    "loggers": {
        # Django's own default gives the "django" logger a console handler of its own while
        # it also propagates to the root: every line would be printed twice.
        "django": {"handlers": [], "level": "INFO"},
        "weasyprint.progress": {"level": "WARNING"},
        # Every failed attempt is logged at INFO; lockouts come at WARNING.
        "axes": {"level": "WARNING"},
        # Every task's start and end; a failed task is logged at ERROR with its traceback.
        "django_tasks": {"level": "WARNING"},
    },
}

# Rendered PDFs, stored by a hash of their content so an unchanged document is not rendered
# twice (see documents/pdf.py). Safe to delete at any time.
DOCUMENT_CACHE_DIR = env.path("DOCUMENT_CACHE_DIR", BASE_DIR / "var" / "documents")
# Its size cap: task workers (and `manage.py prune_documents`) delete the oldest beyond it.
# The portal's seal on final Notulas (PAdES, pyHanko): a PKCS#12 file with the deployment's
# document-sealing certificate and its passphrase. Empty: final Notulas are not sealed (their
# SHA-256 and QR code still verify them). `make run` makes a self-signed one for the demo.
DOCUMENT_SEAL_P12 = env.str("DOCUMENT_SEAL_P12", "")
DOCUMENT_SEAL_PASSPHRASE = env.str("DOCUMENT_SEAL_PASSPHRASE", "")
DOCUMENT_CACHE_MAX_MB = env.int("DOCUMENT_CACHE_MAX_MB", 2048, validate=Range(min=1))
# A Notula whose Daftar Hadir annex has at least this many rows is rendered in two processes
# (body and annex, merged, page numbers stamped: documents.split) when a core is free.
DOCUMENT_SPLIT_RENDER = env.bool("DOCUMENT_SPLIT_RENDER", True)
DOCUMENT_SPLIT_MIN_ROWS = env.int("DOCUMENT_SPLIT_MIN_ROWS", 60, validate=Range(min=1))

# Self check-in at the door: opens this many minutes before the start on the meeting's day;
# the QR code's link is valid this many seconds (the screen renews it every minute), and one
# address may send this many check-ins per 10 minutes: a hall's Wi-Fi puts every phone in
# it behind one address, so the limit is that of a full hall, not of one phone.
CHECKIN_OPENS_MINUTES = env.int("CHECKIN_OPENS_MINUTES", 90, validate=POSITIVE)
CHECKIN_QR_SECONDS = env.int("CHECKIN_QR_SECONDS", 150, validate=Range(min=10))
CHECKIN_RATE_PER_ADDRESS = env.int("CHECKIN_RATE_PER_ADDRESS", 300, validate=Range(min=1))

# Documents are rendered by task workers, never by a web worker (docs/DEPLOY.md):
# TASKS_BACKEND=database (default): the tasks are rows of this database; `manage.py db_worker
#   --queue-name documents,prerender` runs them (`make run` starts one beside the server).
# TASKS_BACKEND=rq: RQ over Redis at REDIS_URL; `manage.py rqworker documents prerender
#   --job-class django_tasks_rq.Job --with-scheduler`
#   (the first queue first: a download someone waits for goes before a pre-render).
# TASKS_BACKEND=immediate: each task runs inside the request that asks for it (tests).
TASKS_BACKEND = env.str("TASKS_BACKEND", "database").strip().lower()
TASK_QUEUES = ["default", "documents", "prerender"]
_TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
    "dummy": "django_tasks.backends.dummy.DummyBackend",
}
if TASKS_BACKEND not in _TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be one of {', '.join(_TASK_BACKENDS)}, not {TASKS_BACKEND!r}."
    )
TASKS = {"default": {"BACKEND": _TASK_BACKENDS[TASKS_BACKEND], "QUEUES": TASK_QUEUES}}
# A task worker lowers its CPU priority by this much (0: not at all) when it starts rendering,
# so that pages stay fast while documents render on the same cores.
TASK_WORKER_NICE = env.int("TASK_WORKER_NICE", 10, validate=Range(min=0, max=19))
REDIS_URL = env.str("REDIS_URL", "redis://127.0.0.1:6379/0")
RQ_QUEUES = {name: {"URL": REDIS_URL, "DEFAULT_TIMEOUT": 600} for name in TASK_QUEUES}
# After a change to a meeting's record, its documents are rendered again in the background
# this many seconds after the last change (0: never ahead of a download).
DOCUMENT_PRERENDER_SECONDS = env.int("DOCUMENT_PRERENDER_SECONDS", 10, validate=POSITIVE)
