import crypto from 'node:crypto';

export interface SealedValue {
  ciphertext: Buffer;
  iv: Buffer;
  authTag: Buffer;
}

/**
 * AES-256-GCM with a key derived (HKDF-SHA256) from the configured encryption key. The associated data binds each
 * ciphertext to its team and name, so a value copied into another row fails to decrypt instead of leaking.
 */
export class SecretCipher {
  private readonly key: Buffer;

  constructor(encryptionKey: string, purpose = 'orgraph/team-secrets/v1') {
    this.key = Buffer.from(crypto.hkdfSync('sha256', Buffer.from(encryptionKey, 'utf8'), Buffer.alloc(0), purpose, 32));
  }

  seal(plaintext: string, associatedData: string): SealedValue {
    const iv = crypto.randomBytes(12);
    const cipher = crypto.createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(associatedData, 'utf8'));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return { ciphertext, iv, authTag: cipher.getAuthTag() };
  }

  open(sealed: SealedValue, associatedData: string): string {
    const decipher = crypto.createDecipheriv('aes-256-gcm', this.key, sealed.iv);
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(sealed.authTag);
    return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]).toString('utf8');
  }
}

export function secretAssociatedData(teamId: string, name: string): string {
  return `${teamId}/${name}`;
}
