import { z } from 'zod';
import { planSchema } from '../domain/plan-schema.js';

/**
 * Builds the schema of the organisations directory (`ORGANISATIONS_FILE`): the bodies one deployment serves, each
 * with its office's e-mail and the body it reports to. References between entries (parents, duplicate codes) are
 * checked by `directory-checks.ts`, where each problem can name the other entry.
 */
export function buildDirectorySchema() {
  /** The plan file's own organisation code (`SGDDT-HCM`), so a directory entry and its body's plans always agree. */
  const code = planSchema().shape.organisation.shape.code;
  const email = z.email();

  const organisation = z.strictObject({
    code,
    /** The official name in Vietnamese, with its diacritics: `Sở Giáo dục và Đào tạo tỉnh Sóc Trăng`. */
    name: z.string().min(1).max(300),
    /** Code of the body this one reports to (cơ quan cấp trên); absent at the top of a tree. */
    parent: code.optional(),
    /** The office (Văn phòng) that runs the body's plans. */
    office: email,
    /** Other office staff who may act for it. */
    staff: z.array(email).max(100).default([]),
    director: email.optional(),
  });

  return z.strictObject({
    /** Deployment administrators: they see every body. */
    administrators: z.array(email).max(100).default([]),
    organisations: z.array(organisation).min(1),
  });
}

type DirectorySchema = ReturnType<typeof buildDirectorySchema>;

let built: DirectorySchema | undefined;
/** The directory schema, built once on first use. */
export function directorySchema(): DirectorySchema {
  return (built ??= buildDirectorySchema());
}

/** A validated directory: codes unique, every parent known, no cycle; defaults filled in. */
export type OrganisationDirectory = z.output<DirectorySchema>;
/** One body of the directory. */
export type Organisation = OrganisationDirectory['organisations'][number];
