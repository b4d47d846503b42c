#include "tlscertificate.h"

#include "netprobe.h"

#include <QElapsedTimer>
#include <QFile>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>

#include <arpa/inet.h>
#include <cerrno>
#include <cstring>
#include <memory>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

namespace nt {

namespace {

QString nameText(const X509_NAME *name)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), &BIO_free);
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0)
        return {};
    char *data = nullptr;
    const long length = BIO_get_mem_data(bio.get(), &data);
    return QString::fromUtf8(data, length);
}

QDateTime timeOf(const ASN1_TIME *time)
{
    tm parts{};
    if (!time || ASN1_TIME_to_tm(time, &parts) != 1)
        return {};
    return QDateTime(QDate(parts.tm_year + 1900, parts.tm_mon + 1, parts.tm_mday),
                     QTime(parts.tm_hour, parts.tm_min, parts.tm_sec), Qt::UTC);
}

QStringList namesOf(X509 *cert)
{
    QStringList names;
    auto *general =
        static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
    for (int i = 0; general && i < sk_GENERAL_NAME_num(general); ++i) {
        const GENERAL_NAME *name = sk_GENERAL_NAME_value(general, i);
        if (name->type == GEN_DNS) {
            const ASN1_STRING *s = name->d.dNSName;
            names << QString::fromLatin1(reinterpret_cast<const char *>(ASN1_STRING_get0_data(s)),
                                         ASN1_STRING_length(s));
        } else if (name->type == GEN_IPADD) {
            const ASN1_STRING *s = name->d.iPAddress;
            char text[64] = {};
            const int family = ASN1_STRING_length(s) == 4 ? AF_INET : AF_INET6;
            if (inet_ntop(family, ASN1_STRING_get0_data(s), text, sizeof text))
                names << QString::fromLatin1(text);
        }
    }
    GENERAL_NAMES_free(general);
    if (names.isEmpty()) {
        char cn[256] = {};
        if (X509_NAME_get_text_by_NID(X509_get_subject_name(cert), NID_commonName, cn, sizeof cn) > 0)
            names << QString::fromUtf8(cn);
    }
    return names;
}

struct SocketCloser
{
    int fd;
    ~SocketCloser() { NetProbe::close(fd); }
};

QString sslErrorText()
{
    const unsigned long code = ERR_get_error();
    ERR_clear_error();
    if (code == 0)
        return QStringLiteral("the handshake failed");
    char text[256];
    ERR_error_string_n(code, text, sizeof text);
    return QString::fromLatin1(text);
}

} // namespace

TlsCertificate TlsCertificate::fromSsl(void *sslHandle, const QString &host)
{
    TlsCertificate result;
    SSL *ssl = static_cast<SSL *>(sslHandle);
    if (!ssl)
        return result;
    X509 *cert = SSL_get1_peer_certificate(ssl);
    if (!cert)
        return result;
    result.subject = nameText(X509_get_subject_name(cert));
    result.issuer = nameText(X509_get_issuer_name(cert));
    result.names = namesOf(cert);
    result.notBefore = timeOf(X509_get0_notBefore(cert));
    result.notAfter = timeOf(X509_get0_notAfter(cert));
    const QByteArray name = host.toUtf8();
    result.matchesHost = NetProbe::isNumericAddress(host)
                             ? X509_check_ip_asc(cert, name.constData(), 0) == 1
                             : X509_check_host(cert, name.constData(), size_t(name.size()), 0, nullptr) == 1;
    const long verified = SSL_get_verify_result(ssl);
    if (verified != X509_V_OK)
        result.verifyError = QString::fromLatin1(X509_verify_cert_error_string(verified));
    X509_free(cert);
    return result;
}

Result<TlsCertificate> TlsCertificate::fetch(const QString &address, int port, const QString &host,
                                             const QString &caFile, int timeoutMs)
{
    auto failed = [](const QString &why) { return Error::make(Error::Kind::Tls, why); };
    QElapsedTimer timer;
    timer.start();
    const NetProbe::Connection tcp = NetProbe::connectTcp(address, port, timeoutMs);
    if (tcp.fd < 0)
        return failed(tcp.error);
    const SocketCloser closer{tcp.fd};
    const qint64 leftMs = qMax<qint64>(1, timeoutMs - timer.elapsed());
    timeval limit{time_t(leftMs / 1000), suseconds_t((leftMs % 1000) * 1000)};
    setsockopt(tcp.fd, SOL_SOCKET, SO_RCVTIMEO, &limit, sizeof limit);
    setsockopt(tcp.fd, SOL_SOCKET, SO_SNDTIMEO, &limit, sizeof limit);

    // PostgreSQL's SSLRequest: length 8, code 1234.5679; the server answers 'S' (go ahead) or 'N'.
    static const unsigned char sslRequest[8] = {0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f};
    if (::send(tcp.fd, sslRequest, sizeof sslRequest, MSG_NOSIGNAL) != qsizetype(sizeof sslRequest))
        return failed(QString::fromLocal8Bit(std::strerror(errno)));
    char answer = 0;
    if (::recv(tcp.fd, &answer, 1, 0) != 1)
        return failed(QStringLiteral("the server did not answer the request for TLS"));
    if (answer == 'N')
        return failed(QStringLiteral("the server does not offer TLS"));
    if (answer != 'S')
        return failed(QStringLiteral("the server's answer is not PostgreSQL's"));

    std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> context(SSL_CTX_new(TLS_client_method()),
                                                              &SSL_CTX_free);
    if (!context)
        return failed(sslErrorText());
    SSL_CTX_set_verify(context.get(), SSL_VERIFY_NONE, nullptr); // report the chain, do not refuse it
    if (!caFile.isEmpty() && QFile::exists(caFile))
        SSL_CTX_load_verify_locations(context.get(), QFile::encodeName(caFile).constData(), nullptr);
    std::unique_ptr<SSL, decltype(&SSL_free)> ssl(SSL_new(context.get()), &SSL_free);
    if (!ssl)
        return failed(sslErrorText());
    if (!host.isEmpty() && !NetProbe::isNumericAddress(host))
        SSL_set_tlsext_host_name(ssl.get(), host.toUtf8().constData());
    SSL_set_fd(ssl.get(), tcp.fd);
    if (SSL_connect(ssl.get()) != 1)
        return failed(sslErrorText());
    TlsCertificate certificate = fromSsl(ssl.get(), host);
    SSL_shutdown(ssl.get());
    if (certificate.names.isEmpty() && certificate.subject.isEmpty())
        return failed(QStringLiteral("the server sent no certificate"));
    return certificate;
}

} // namespace nt
