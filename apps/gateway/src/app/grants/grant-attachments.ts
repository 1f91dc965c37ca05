import { ApplicationSaved, ApplicationView, GRANTS_RPC, RequestContext } from '@jcm/contracts';
import type { GatewayServices } from '../routes/gateway-services';

/** The file ids an application body names under `attachments` (書類番号 → uploaded file). */
function attachmentFileIds(attachments: unknown): { fileId: string; path: string }[] {
  if (!Array.isArray(attachments)) return [];
  return attachments.flatMap((a, i) =>
    typeof a === 'object' && a !== null && typeof (a as { fileId?: unknown }).fileId === 'string'
      ? [{ fileId: (a as { fileId: string }).fileId, path: `attachments.${i}.fileId` }]
      : [],
  );
}

/**
 * Saves (or creates) an application whose attachments are file ids: each must be the caller's own plan-attachment
 * upload (or already this application's), the service stores the ids, then the files are attached to the
 * application, so from then on a download asks grants-service (`grants.file-access.check`) who may see it.
 */
export async function sendWithAttachments(
  services: GatewayServices,
  ctx: RequestContext,
  subject: typeof GRANTS_RPC.application.save | typeof GRANTS_RPC.application.create,
  body: { id?: string; patch?: Record<string, unknown>; content?: { attachments?: unknown } },
  prefix: string,
): Promise<ApplicationSaved> {
  // only files new to the application are claimed (a member re-sending the list names others' uploads too)
  const held = body.id
    ? new Set(
        (
          await services.bus.send(GRANTS_RPC.application.get, ctx, { id: body.id }, ApplicationView)
        ).content.attachments.map((a) => a.fileId),
      )
    : new Set<string>();
  const named = attachmentFileIds(body.patch ? body.patch['attachments'] : body.content?.attachments).filter(
    (f) => !held.has(f.fileId),
  );
  const owner = (id: string) => ({ service: 'grants' as const, kind: 'application', id });
  for (const f of named) {
    await services.files.claim(ctx, f.fileId, 'plan-attachment', {
      path: `${prefix}${f.path}`,
      ...(body.id ? { owner: owner(body.id) } : {}),
    });
  }
  const saved = await services.bus.send(subject, ctx, body, ApplicationSaved);
  for (const f of named) await services.files.attach(ctx, f.fileId, owner(saved.application.id));
  return saved;
}
