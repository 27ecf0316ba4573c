// An independent holder for the end-to-end tests, built on the OpenWallet Foundation's libraries: it issues
// test PIDs (SD-JWT VC), publishes their Token Status List, and answers OpenID4VP requests as a wallet would.
// Usage: node holder.mjs <command.json>; the command's result is printed as JSON on stdout.
import { readFileSync } from 'node:fs';
import { createHash, createPrivateKey, randomBytes, sign, X509Certificate } from 'node:crypto';
import { Openid4vpClient } from '@openid4vc/openid4vp';
import { setGlobalConfig } from '@openid4vc/utils';
import { SDJwtVcInstance } from '@sd-jwt/sd-jwt-vc';
import { ES256, digest, generateSalt } from '@sd-jwt/crypto-nodejs';
import { StatusList, createHeaderAndPayload } from '@sd-jwt/jwt-status-list';
import { CompactEncrypt, compactVerify, importJWK, importX509 } from 'jose';

const command = JSON.parse(readFileSync(process.argv[2], 'utf8'));
// The tests' broker listens on plain http on the loopback interface; a real wallet insists on https.
setGlobalConfig({ allowInsecureUrls: command.allowInsecureUrls === true });

function es256Signer(pkcs8Pem) {
  const key = createPrivateKey(pkcs8Pem);
  return async (data) => sign('sha256', Buffer.from(data), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url');
}

function b64url(json) {
  return Buffer.from(JSON.stringify(json)).toString('base64url');
}

async function statusList({ issuerKey, x5c, uri, size, revoked }) {
  const statuses = new Array(size).fill(0);
  revoked.forEach((index) => { statuses[index] = 1; });
  const now = Math.floor(Date.now() / 1000);
  const { header, payload } = createHeaderAndPayload(new StatusList(statuses, 1),
    { iss: 'https://pid-provider.test', sub: uri, iat: now, exp: now + 3600, ttl: 300 },
    { alg: 'ES256', typ: 'statuslist+jwt', x5c });
  const input = `${b64url(header)}.${b64url(payload)}`;
  return { token: `${input}.${await es256Signer(issuerKey)(input)}` };
}

const callbacks = {
  hash: (data, alg) => createHash(alg.replace('-', '').toLowerCase()).update(data).digest(),
  generateRandom: (length) => randomBytes(length),
  verifyJwt: async (signer, jwt) => {
    if (signer.method !== 'x5c') {
      return { verified: false };
    }
    const pem = `-----BEGIN CERTIFICATE-----\n${signer.x5c[0]}\n-----END CERTIFICATE-----`;
    try {
      await compactVerify(jwt.compact, await importX509(pem, signer.alg));
      const signerJwk = new X509Certificate(Buffer.from(signer.x5c[0], 'base64')).publicKey.export({ format: 'jwk' });
      return { verified: true, signerJwk };
    } catch (e) {
      return { verified: false };
    }
  },
  encryptJwe: async (encryptor, data) => {
    const header = { alg: encryptor.alg, enc: encryptor.enc, kid: encryptor.publicJwk.kid };
    if (encryptor.apu) header.apu = encryptor.apu;
    if (encryptor.apv) header.apv = encryptor.apv;
    const jwe = await new CompactEncrypt(new TextEncoder().encode(data))
      .setProtectedHeader(header)
      .encrypt(await importJWK(encryptor.publicJwk, encryptor.alg));
    return { encryptionJwk: encryptor.publicJwk, jwe };
  },
  signJwt: async () => { throw new Error('this holder signs no JARM response'); },
  decryptJwe: async () => { throw new Error('this holder decrypts nothing'); },
  fetch: (url, init) => fetch(url, init),
  getX509CertificateMetadata: (certificate) => {
    const names = (new X509Certificate(Buffer.from(certificate, 'base64')).subjectAltName ?? '').split(', ');
    return {
      sanDnsNames: names.filter((n) => n.startsWith('DNS:')).map((n) => n.slice(4)),
      sanUriNames: names.filter((n) => n.startsWith('URI:')).map((n) => n.slice(4)),
    };
  },
};

async function present(options) {
  const client = new Openid4vpClient({ callbacks });
  const params = Object.fromEntries(new URL(options.url).searchParams);
  const resolved = await client.resolveOpenId4vpAuthorizationRequest({
    authorizationRequestPayload: params,
    wallet: { nonce: randomBytes(16).toString('base64url') },
  });
  const request = resolved.authorizationRequestPayload;

  const holder = await ES256.generateKeyPair();
  const sdjwt = new SDJwtVcInstance({
    signer: es256Signer(options.issuerKey), signAlg: 'ES256',
    hasher: digest, hashAlg: 'sha-256', saltGenerator: generateSalt,
    kbSigner: await ES256.getSigner(holder.privateKey), kbSignAlg: 'ES256',
  });
  const now = Math.floor(Date.now() / 1000);
  const claimNames = Object.keys(options.claims);
  const issued = await sdjwt.issue({
    iss: 'https://pid-provider.test',
    vct: 'urn:eudi:pid:1',
    iat: now,
    exp: now + (options.expiresIn ?? 86400),
    cnf: { jwk: holder.publicKey },
    status: { status_list: { idx: options.statusIdx, uri: options.statusUri } },
    ...options.claims,
  }, { _sd: claimNames }, { header: { typ: 'dc+sd-jwt', x5c: options.x5c } });

  const frame = Object.fromEntries(claimNames.filter((name) => !(options.withhold ?? []).includes(name)).map((name) => [name, true]));
  let presentation = await sdjwt.present(issued, frame, {
    kb: { payload: { iat: now, aud: options.kbAud ?? request.client_id, nonce: options.kbNonce ?? request.nonce } },
  });
  if (options.tamper) {
    const parts = presentation.split('~');
    const disclosure = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
    disclosure[2] = typeof disclosure[2] === 'string' ? `${disclosure[2]}X` : disclosure[2];
    parts[1] = Buffer.from(JSON.stringify(disclosure)).toString('base64url');
    presentation = parts.join('~');
  }

  // Another login's state, read from that login's own request object, as an attacker relaying answers would.
  let answered = request;
  if (options.stateOfUrl) {
    const other = await client.resolveOpenId4vpAuthorizationRequest({
      authorizationRequestPayload: Object.fromEntries(new URL(options.stateOfUrl).searchParams),
    });
    answered = { ...request, state: other.authorizationRequestPayload.state };
  }
  const response = await client.createOpenid4vpAuthorizationResponse({
    authorizationRequestPayload: answered,
    authorizationResponsePayload: { vp_token: { [request.dcql_query.credentials[0].id]: [presentation] } },
    jarm: {
      encryption: { nonce: randomBytes(16).toString('base64url') },
      serverMetadata: {
        authorization_signing_alg_values_supported: ['ES256'],
        authorization_encryption_alg_values_supported: ['ECDH-ES'],
        authorization_encryption_enc_values_supported: ['A256GCM', 'A128GCM'],
      },
    },
  });
  const submissions = [];
  for (let i = 0; i < (options.submitTimes ?? 1); i += 1) {
    const submitted = await client.submitOpenid4vpAuthorizationResponse({
      authorizationRequestPayload: request,
      authorizationResponsePayload: response.authorizationResponsePayload,
      jarm: response.jarm ? { responseJwt: response.jarm.responseJwt } : undefined,
    });
    submissions.push({ status: submitted.response.status, body: await submitted.response.json().catch(() => null) });
  }
  return {
    clientId: request.client_id,
    responseUri: request.response_uri,
    state: request.state,
    enc: JSON.parse(Buffer.from(response.jarm.responseJwt.split('.')[0], 'base64url').toString('utf8')).enc,
    submissions,
  };
}

// The person declines: an error answer (OpenID4VP §8.5), encrypted to the request's key with jose alone.
async function decline(options) {
  const client = new Openid4vpClient({ callbacks });
  const resolved = await client.resolveOpenId4vpAuthorizationRequest({
    authorizationRequestPayload: Object.fromEntries(new URL(options.url).searchParams),
  });
  const request = resolved.authorizationRequestPayload;
  const jwk = request.client_metadata.jwks.keys[0];
  const jwe = await new CompactEncrypt(new TextEncoder().encode(JSON.stringify(
    { error: 'access_denied', error_description: 'the person declined', state: request.state })))
    .setProtectedHeader({ alg: 'ECDH-ES', enc: 'A128GCM', kid: jwk.kid })
    .encrypt(await importJWK(jwk, 'ECDH-ES'));
  const submitted = await fetch(request.response_uri, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ response: jwe }).toString(),
  });
  return { submissions: [{ status: submitted.status, body: await submitted.json().catch(() => null) }] };
}

const commands = { 'status-list': statusList, present, decline };
try {
  process.stdout.write(JSON.stringify(await commands[command.command](command)));
} catch (e) {
  process.stdout.write(JSON.stringify({ error: String(e && e.message ? e.message : e) }));
  process.exitCode = 1;
}
