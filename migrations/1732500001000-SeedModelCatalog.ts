import type { MigrationInterface, QueryRunner } from 'typeorm';

type Entry = [endpointId: string, displayName: string, product: string, unit: string, enterpriseReady: boolean, price: string];

/** A realistic starting catalog across the three product lines; operators edit it afterwards. */
const CATALOG: Entry[] = [
  ['fal-ai/flux/dev', 'FLUX.1 [dev]', 'MODEL_APIS', 'megapixel', true, '0.025'],
  ['fal-ai/flux/schnell', 'FLUX.1 [schnell]', 'MODEL_APIS', 'megapixel', true, '0.003'],
  ['fal-ai/flux-pro/v1.1', 'FLUX1.1 [pro]', 'MODEL_APIS', 'megapixel', true, '0.04'],
  ['fal-ai/flux-pro/v1.1-ultra', 'FLUX1.1 [pro] ultra', 'MODEL_APIS', 'image', true, '0.06'],
  ['fal-ai/flux-pro/kontext', 'FLUX.1 Kontext [pro]', 'MODEL_APIS', 'image', true, '0.04'],
  ['fal-ai/flux-lora', 'FLUX.1 [dev] with LoRAs', 'MODEL_APIS', 'megapixel', false, '0.035'],
  ['fal-ai/recraft-v3', 'Recraft V3', 'MODEL_APIS', 'image', true, '0.04'],
  ['fal-ai/ideogram/v3', 'Ideogram V3', 'MODEL_APIS', 'image', true, '0.06'],
  ['fal-ai/stable-diffusion-v35-large', 'Stable Diffusion 3.5 Large', 'MODEL_APIS', 'megapixel', true, '0.065'],
  ['fal-ai/fast-sdxl', 'Fast SDXL', 'MODEL_APIS', 'image', false, '0.0025'],
  ['fal-ai/imagen4/preview', 'Imagen 4', 'MODEL_APIS', 'image', true, '0.05'],
  ['fal-ai/kling-video/v2.1/master/text-to-video', 'Kling 2.1 Master text-to-video', 'MODEL_APIS', 'second', true, '0.28'],
  ['fal-ai/kling-video/v2.1/standard/image-to-video', 'Kling 2.1 Standard image-to-video', 'MODEL_APIS', 'second', true, '0.05'],
  ['fal-ai/veo3', 'Veo 3', 'MODEL_APIS', 'second', true, '0.75'],
  ['fal-ai/veo3/fast', 'Veo 3 Fast', 'MODEL_APIS', 'second', true, '0.40'],
  ['fal-ai/minimax/hailuo-02/standard/text-to-video', 'MiniMax Hailuo 02', 'MODEL_APIS', 'second', false, '0.045'],
  ['fal-ai/wan/v2.2-a14b/text-to-video', 'Wan 2.2 text-to-video', 'MODEL_APIS', 'second', false, '0.08'],
  ['fal-ai/ltx-video', 'LTX Video', 'MODEL_APIS', 'video', false, '0.02'],
  ['fal-ai/whisper', 'Whisper', 'MODEL_APIS', 'audio_minute', true, '0.006'],
  ['fal-ai/wizper', 'Wizper', 'MODEL_APIS', 'audio_minute', false, '0.004'],
  ['fal-ai/elevenlabs/tts/multilingual-v2', 'ElevenLabs TTS multilingual v2', 'MODEL_APIS', '1k_characters', true, '0.10'],
  ['fal-ai/playai/tts/v3', 'PlayAI TTS v3', 'MODEL_APIS', '1k_characters', false, '0.03'],
  ['fal-ai/stable-audio', 'Stable Audio Open', 'MODEL_APIS', 'second', false, '0.002'],
  ['fal-ai/any-llm', 'Any LLM (OpenRouter)', 'MODEL_APIS', '1k_tokens', false, '0.0015'],
  ['fal-ai/llava-next', 'LLaVA-NeXT', 'MODEL_APIS', '1k_tokens', false, '0.0008'],
  ['fal-ai/birefnet/v2', 'BiRefNet v2 background removal', 'MODEL_APIS', 'image', true, '0.001'],
  ['fal-ai/clarity-upscaler', 'Clarity Upscaler', 'MODEL_APIS', 'megapixel', true, '0.03'],
  ['fal-ai/face-swap', 'Face Swap', 'MODEL_APIS', 'image', false, '0.01'],
  ['serverless/gpu-a100', 'Serverless app on A100 40GB', 'SERVERLESS', 'gpu_second', true, '0.00111'],
  ['serverless/gpu-h100', 'Serverless app on H100 80GB', 'SERVERLESS', 'gpu_second', true, '0.00189'],
  ['serverless/gpu-l40s', 'Serverless app on L40S', 'SERVERLESS', 'gpu_second', true, '0.00075'],
  ['serverless/cpu', 'Serverless app on CPU', 'SERVERLESS', 'cpu_second', true, '0.00003'],
  ['compute/h100-8x', 'Dedicated 8× H100 node', 'COMPUTE', 'gpu_hour', true, '1.99'],
  ['compute/a100-8x', 'Dedicated 8× A100 node', 'COMPUTE', 'gpu_hour', true, '1.29'],
  ['compute/b200-8x', 'Dedicated 8× B200 node', 'COMPUTE', 'gpu_hour', false, '3.49'],
];

/** Price changes after launch, so price versioning is exercised from the start. */
const PRICE_CHANGES: Array<[endpointId: string, effectiveFrom: string, price: string]> = [
  ['fal-ai/flux/dev', '2025-06-01T00:00:00Z', '0.02'],
  ['fal-ai/veo3', '2025-08-01T00:00:00Z', '0.50'],
  ['compute/h100-8x', '2025-09-01T00:00:00Z', '1.79'],
];

export class SeedModelCatalog1732500001000 implements MigrationInterface {
  name = 'SeedModelCatalog1732500001000';

  async up(db: QueryRunner): Promise<void> {
    for (const [endpointId, displayName, product, unit, enterpriseReady, price] of CATALOG) {
      await db.query(
        `INSERT INTO model_endpoints (endpoint_id, display_name, product, unit, enterprise_ready) VALUES ($1, $2, $3, $4, $5)`,
        [endpointId, displayName, product, unit, enterpriseReady],
      );
      await db.query(`INSERT INTO model_prices (endpoint_id, effective_from, unit_price) VALUES ($1, '2024-01-01T00:00:00Z', $2)`, [
        endpointId,
        price,
      ]);
    }
    for (const [endpointId, effectiveFrom, price] of PRICE_CHANGES) {
      await db.query(`INSERT INTO model_prices (endpoint_id, effective_from, unit_price) VALUES ($1, $2, $3)`, [
        endpointId,
        effectiveFrom,
        price,
      ]);
    }
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DELETE FROM model_prices; DELETE FROM model_endpoints;`);
  }
}
