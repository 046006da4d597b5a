#!/usr/bin/env node
/*
 * Independent check of a JWT signed by lib/crypto/jwt.c, with node's built-in
 * crypto only (no packages):
 *
 *   node jwt_verify.js PUBKEY_PEM TOKEN_FILE EXPECTED_KID [JWK_FILE]
 *
 * - the header's alg fits the key (ES256 for P-256, RS256 for RSA, EdDSA
 *   for Ed25519), typ is "at+jwt" and kid is EXPECTED_KID;
 * - EXPECTED_KID is the RFC 7638 thumbprint of the PEM's public key,
 *   computed here from node's own JWK export;
 * - the signature verifies (ECDSA as raw r||s, RFC 7518 §3.4);
 * - with JWK_FILE (the output of key_public_jwk()): it imports as a JWK,
 *   is the same key as the PEM and carries alg, use "sig" and kid.
 *
 * Exit 0 when all hold, 1 otherwise (reason on stderr), 2 on usage error.
 */
'use strict';

const crypto = require('crypto');
const fs = require('fs');

function fail(why) {
	process.stderr.write('jwt_verify: ' + why + '\n');
	process.exit(1);
}

function b64url(buf) {
	return Buffer.from(buf).toString('base64')
	    .replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function unb64url(s) {
	if (!/^[A-Za-z0-9_-]*$/.test(s) || s.length % 4 === 1)
		fail('not base64url: ' + JSON.stringify(s));
	return Buffer.from(s, 'base64url');
}

/* RFC 7638 §3.2: the required members, sorted, no whitespace. */
function thumbprint(jwk) {
	let req;

	switch (jwk.kty) {
	case 'EC':
		req = { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y };
		break;
	case 'RSA':
		req = { e: jwk.e, kty: jwk.kty, n: jwk.n };
		break;
	case 'OKP':
		req = { crv: jwk.crv, kty: jwk.kty, x: jwk.x };
		break;
	default:
		fail('unexpected kty ' + jwk.kty);
	}
	return b64url(crypto.createHash('sha256')
	    .update(JSON.stringify(req)).digest());
}

function main(argv) {
	if (argv.length < 3 || argv.length > 4) {
		process.stderr.write('usage: jwt_verify.js PUBKEY_PEM ' +
		    'TOKEN_FILE EXPECTED_KID [JWK_FILE]\n');
		process.exit(2);
	}
	const [pemFile, tokenFile, expectedKid, jwkFile] = argv;

	const pub = crypto.createPublicKey(fs.readFileSync(pemFile));
	const pubJwk = pub.export({ format: 'jwk' });
	let alg;
	if (pub.asymmetricKeyType === 'ec' &&
	    pub.asymmetricKeyDetails.namedCurve === 'prime256v1')
		alg = 'ES256';
	else if (pub.asymmetricKeyType === 'rsa')
		alg = 'RS256';
	else if (pub.asymmetricKeyType === 'ed25519')
		alg = 'EdDSA';
	else
		fail('unsupported key ' + pub.asymmetricKeyType);

	const kid = thumbprint(pubJwk);
	if (kid !== expectedKid)
		fail('kid ' + expectedKid + ' is not the thumbprint ' + kid);

	const token = fs.readFileSync(tokenFile, 'utf8').replace(/\n$/, '');
	const parts = token.split('.');
	if (parts.length !== 3)
		fail('not a compact JWS');

	let header;
	try {
		header = JSON.parse(unb64url(parts[0]).toString('utf8'));
		JSON.parse(unb64url(parts[1]).toString('utf8'));
	} catch (e) {
		fail('bad JSON: ' + e.message);
	}
	if (header.alg !== alg)
		fail('alg ' + header.alg + ', expected ' + alg);
	if (header.typ !== 'at+jwt')
		fail('typ ' + header.typ + ', expected at+jwt');
	if (header.kid !== expectedKid)
		fail('header kid ' + header.kid + ', expected ' + expectedKid);

	const data = Buffer.from(parts[0] + '.' + parts[1], 'ascii');
	const sig = unb64url(parts[2]);
	if (alg === 'ES256' && sig.length !== 64)
		fail('ES256 signature of ' + sig.length + ' bytes, not 64');
	const good = crypto.verify(alg === 'EdDSA' ? null : 'sha256', data,
	    { key: pub, dsaEncoding: 'ieee-p1363' }, sig);
	if (!good)
		fail('bad signature');

	if (jwkFile !== undefined) {
		const jwk = JSON.parse(fs.readFileSync(jwkFile, 'utf8'));
		let imported;
		try {
			imported = crypto.createPublicKey({ key: jwk,
			    format: 'jwk' });
		} catch (e) {
			fail('key_public_jwk() does not import: ' + e.message);
		}
		if (!imported.equals(pub))
			fail('key_public_jwk() is another key than the PEM');
		if (jwk.alg !== alg || jwk.use !== 'sig' ||
		    jwk.kid !== expectedKid)
			fail('key_public_jwk() alg/use/kid wrong');
		if ('d' in jwk || 'p' in jwk)
			fail('key_public_jwk() has private members');
		if (thumbprint(jwk) !== expectedKid)
			fail('thumbprint of key_public_jwk() is not the kid');
	}
	process.stderr.write('jwt_verify: ok (' + alg + ')\n');
	process.exit(0);
}

try {
	main(process.argv.slice(2));
} catch (e) {
	fail(e.message);
}
