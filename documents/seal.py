"""The portal's seal on final documents: a PAdES signature (pyHanko) made with the deployment's
document-sealing certificate, and its validation. Nothing else.

The seal says that the portal issued this file and that not one byte changed since. It is not a
BSrE electronic signature (TTE) of the people who sign the Notula: those are typed with their own
passphrase in SRIKANDI or TTE applications, never by the portal.
"""

import datetime
import io
import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.conf import settings
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext

logger = logging.getLogger("pilkada_portal.documents")

FIELD_NAME = "SegelPortal"


class SealNotConfigured(RuntimeError):
    """DOCUMENT_SEAL_P12 names no usable certificate."""


def configured() -> bool:
    return bool(settings.DOCUMENT_SEAL_P12)


@cache
def _signer(path: str, passphrase: str) -> signers.SimpleSigner:
    if not Path(path).is_file():
        raise SealNotConfigured(f"there is no file {path}")
    signer = signers.SimpleSigner.load_pkcs12(path, passphrase=passphrase.encode() or None)
    if signer is None:
        raise SealNotConfigured(f"The sealing certificate {path} could not be read.")
    return signer


def _current_signer() -> signers.SimpleSigner:
    if not configured():
        raise SealNotConfigured("DOCUMENT_SEAL_P12 is not set.")
    return _signer(str(settings.DOCUMENT_SEAL_P12), settings.DOCUMENT_SEAL_PASSPHRASE)


def seal_pdf(content: bytes, *, reason: str, location: str = "") -> bytes:
    """The PDF with the portal's PAdES seal appended (an incremental update: the sealed bytes
    are the original bytes plus the signature)."""
    signer = _current_signer()
    writer = IncrementalPdfFileWriter(io.BytesIO(content))
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location or None,
        md_algorithm="sha256",
    )
    output = io.BytesIO()
    signers.sign_pdf(writer, metadata, signer=signer, output=output)
    return output.getvalue()


def seal_certificate() -> asn1_x509.Certificate:
    return _current_signer().signing_cert


@dataclass(frozen=True)
class SealCheck:
    """What a file's seal says: present, unchanged since sealing, made by our certificate."""

    present: bool
    intact: bool = False
    ours: bool = False
    whole_file: bool = False
    signer: str = ""
    signed_at: datetime.datetime | None = None

    @property
    def valid(self) -> bool:
        return self.present and self.intact and self.ours and self.whole_file


def seal_check(content: bytes) -> SealCheck:
    """Validate the file's seal against the deployment's certificate (the only trust root)."""
    try:
        reader = PdfFileReader(io.BytesIO(content), strict=False)
        signatures = reader.embedded_signatures
    except Exception:
        return SealCheck(present=False)
    if not signatures:
        return SealCheck(present=False)
    signature = signatures[-1]
    try:
        trust = [seal_certificate()] if configured() else []
        context = ValidationContext(trust_roots=trust, allow_fetching=False)
        status = validate_pdf_signature(signature, context)
    except Exception as error:
        logger.info("A seal could not be validated: %s", error)
        return SealCheck(present=True)
    coverage = getattr(status.coverage, "name", "")
    return SealCheck(
        present=True,
        intact=bool(status.intact and status.valid),
        ours=bool(status.trusted),
        whole_file=coverage == "ENTIRE_FILE",
        signer=status.signing_cert.subject.human_friendly,
        signed_at=status.signer_reported_dt,
    )


def create_certificate(path: Path, *, passphrase: str, common_name: str, days: int) -> None:
    """A self-signed sealing certificate in a PKCS#12 file (for the demo and tests; production
    names its own organisation's certificate in DOCUMENT_SEAL_P12)."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "ID"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Portal Rakor Pilkada"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5))
        .not_valid_after(now + datetime.timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .sign(key, hashes.SHA256())
    )
    encryption = (
        serialization.BestAvailableEncryption(passphrase.encode())
        if passphrase
        else serialization.NoEncryption()
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        pkcs12.serialize_key_and_certificates(
            common_name.encode(), key, certificate, None, encryption
        )
    )
    path.chmod(0o600)


def check_certificate(app_configs=None, **kwargs):
    """System check: a sealing certificate that is named must be readable, or every approval
    of minutes would fail; say so at start, naming the setting."""
    from django.core.checks import Error

    if not configured():
        return []
    try:
        _signer(str(settings.DOCUMENT_SEAL_P12), settings.DOCUMENT_SEAL_PASSPHRASE)
    except Exception as error:  # any failure to load it is the same problem
        return [
            Error(
                f"DOCUMENT_SEAL_P12={settings.DOCUMENT_SEAL_P12} cannot be used to seal "
                f"documents: {error}",
                hint="Name a readable PKCS#12 file and its DOCUMENT_SEAL_PASSPHRASE, or leave "
                "DOCUMENT_SEAL_P12 empty (`manage.py seal_certificate --path FILE` makes one).",
                id="documents.E001",
            )
        ]
    return []
