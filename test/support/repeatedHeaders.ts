import http from 'node:http';

/**
 * Sends one request with the Authorization header given several times (fetch would join them into one header line):
 * what a misconfigured proxy or client sends. Answers the status and the body.
 */
export function sendWithAuthorizations(url: string, authorizations: string[], options: { method?: string; body?: string } = {}): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: options.method ?? 'GET' }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }));
      response.on('error', reject);
    });
    request.setHeader('authorization', authorizations);
    if (options.body !== undefined) request.setHeader('content-type', 'application/json');
    request.on('error', reject);
    request.end(options.body);
  });
}
