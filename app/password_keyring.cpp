#include "password_keyring.h"

#include <qt6keychain/keychain.h>

#include <QEventLoop>

namespace borderlens::keyring {
namespace {

const QString kService = QStringLiteral("BorderLens incident store");

// QtKeychain's jobs are asynchronous; a password is needed before connecting, so wait here
// (the keyring answers locally, in milliseconds, or fails at once when there is none).
void runJob(QKeychain::Job& job) {
    QEventLoop loop;
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    job.setAutoDelete(false);
    job.start();
    loop.exec();
}

} // namespace

bool storePassword(const QString& connection, const QString& password, QString* why) {
    QKeychain::WritePasswordJob job(kService);
    job.setKey(connection);
    job.setTextData(password);
    runJob(job);
    if (job.error() != QKeychain::NoError && why)
        *why = job.errorString();
    return job.error() == QKeychain::NoError;
}

QString password(const QString& connection) {
    QKeychain::ReadPasswordJob job(kService);
    job.setKey(connection);
    runJob(job);
    return job.error() == QKeychain::NoError ? job.textData() : QString();
}

void forgetPassword(const QString& connection) {
    QKeychain::DeletePasswordJob job(kService);
    job.setKey(connection);
    runJob(job);
}

} // namespace borderlens::keyring
