/**
 * The parts of the OSCAL 1.x JSON catalog and profile models that a
 * template import reads (NIST OSCAL reference: catalog > groups > controls >
 * controls, each with params, props and parts; profile > imports with
 * include-all / include-controls / exclude-controls, modify > set-parameters,
 * back-matter resources). Everything else in the documents is allowed and
 * ignored; what is read is checked, so a malformed document fails with the
 * JSON path at fault.
 */
import { z } from 'zod';

const str = (what: string) => z.string({ error: `${what} must be text` });

export const OscalPropSchema = z.looseObject({ name: str('a property name'), value: str('a property value') });

export interface OscalPart {
  id?: string;
  name: string;
  title?: string;
  prose?: string;
  props?: z.infer<typeof OscalPropSchema>[];
  parts?: OscalPart[];
}
export const OscalPartSchema: z.ZodType<OscalPart> = z.looseObject({
  id: str('a part id').optional(),
  name: str('a part name'),
  title: str('a part title').optional(),
  prose: str('prose').optional(),
  props: z.array(OscalPropSchema).optional(),
  get parts() {
    return z.array(OscalPartSchema).optional();
  },
});

export const OscalSelectSchema = z.looseObject({
  'how-many': z.enum(['one', 'one-or-more'], { error: 'how-many must be "one" or "one-or-more"' }).optional(),
  choice: z.array(str('a choice')).optional(),
});

export const OscalParamSchema = z.looseObject({
  id: str('a parameter id'),
  label: str('a parameter label').optional(),
  values: z.array(str('a parameter value')).optional(),
  select: OscalSelectSchema.optional(),
  guidelines: z.array(z.looseObject({ prose: str('guideline prose') })).optional(),
});
export type OscalParam = z.infer<typeof OscalParamSchema>;

export interface OscalControl {
  id: string;
  title: string;
  class?: string;
  params?: OscalParam[];
  props?: z.infer<typeof OscalPropSchema>[];
  parts?: OscalPart[];
  controls?: OscalControl[];
}
export const OscalControlSchema: z.ZodType<OscalControl> = z.looseObject({
  id: str('a control id'),
  title: str('a control title'),
  class: str('a control class').optional(),
  params: z.array(OscalParamSchema).optional(),
  props: z.array(OscalPropSchema).optional(),
  parts: z.array(OscalPartSchema).optional(),
  get controls() {
    return z.array(OscalControlSchema).optional();
  },
});

export interface OscalGroup {
  id?: string;
  title: string;
  params?: OscalParam[];
  parts?: OscalPart[];
  groups?: OscalGroup[];
  controls?: OscalControl[];
}
export const OscalGroupSchema: z.ZodType<OscalGroup> = z.looseObject({
  id: str('a group id').optional(),
  title: str('a group title'),
  params: z.array(OscalParamSchema).optional(),
  parts: z.array(OscalPartSchema).optional(),
  get groups() {
    return z.array(OscalGroupSchema).optional();
  },
  controls: z.array(OscalControlSchema).optional(),
});

const MetadataSchema = z.looseObject({
  title: str('the title'),
  version: str('the version').optional(),
  'oscal-version': str('the OSCAL version').regex(/^1\.\d+\.\d+/, { error: (i) => `OSCAL version ${JSON.stringify(i.input)} is not supported: Tollgate reads OSCAL 1.x JSON` }),
});

const BackMatterSchema = z.looseObject({
  resources: z
    .array(
      z.looseObject({
        uuid: str('a resource uuid'),
        title: str('a resource title').optional(),
        rlinks: z.array(z.looseObject({ href: str('a resource link') })).optional(),
      }),
    )
    .optional(),
});
export type OscalBackMatter = z.infer<typeof BackMatterSchema>;

export const OscalCatalogDocumentSchema = z.looseObject({
  catalog: z.looseObject(
    {
      uuid: str('the catalog uuid'),
      metadata: MetadataSchema,
      params: z.array(OscalParamSchema).optional(),
      groups: z.array(OscalGroupSchema).optional(),
      controls: z.array(OscalControlSchema).optional(),
      'back-matter': BackMatterSchema.optional(),
    },
    { error: 'an OSCAL catalog document has a "catalog" object' },
  ),
});
export type OscalCatalog = z.infer<typeof OscalCatalogDocumentSchema>['catalog'];

const SelectionSchema = z.looseObject({
  'with-child-controls': z.enum(['yes', 'no'], { error: 'with-child-controls must be "yes" or "no"' }).optional(),
  'with-ids': z.array(str('a control id')).optional(),
  matching: z.array(z.looseObject({ pattern: str('a pattern').optional() })).optional(),
});
export type OscalSelection = z.infer<typeof SelectionSchema>;

const ImportSchema = z
  .looseObject({
    href: str('the import href'),
    'include-all': z.looseObject({}).optional(),
    'include-controls': z.array(SelectionSchema).optional(),
    'exclude-controls': z.array(SelectionSchema).optional(),
  })
  .refine((i) => i['include-all'] !== undefined || i['include-controls'] !== undefined, {
    error: 'an import must say which controls it takes: "include-all" or "include-controls"',
  });
export type OscalImport = z.infer<typeof ImportSchema>;

const SetParameterSchema = z.looseObject({
  'param-id': str('param-id'),
  label: str('a parameter label').optional(),
  values: z.array(str('a parameter value')).optional(),
  select: OscalSelectSchema.optional(),
});

export const OscalProfileDocumentSchema = z.looseObject({
  profile: z.looseObject(
    {
      uuid: str('the profile uuid'),
      metadata: MetadataSchema,
      imports: z.array(ImportSchema, { error: 'a profile lists its imports' }).min(1, { error: 'a profile imports at least one catalog' }),
      modify: z.looseObject({ 'set-parameters': z.array(SetParameterSchema).optional() }).optional(),
      'back-matter': BackMatterSchema.optional(),
    },
    { error: 'an OSCAL profile document has a "profile" object' },
  ),
});
export type OscalProfile = z.infer<typeof OscalProfileDocumentSchema>['profile'];
export type OscalSetParameter = z.infer<typeof SetParameterSchema>;

/** NIST marks a withdrawn control with the property status = withdrawn (and links to where it went). */
export function isWithdrawn(control: Pick<OscalControl, 'props'>): boolean {
  return (control.props ?? []).some((p) => p.name === 'status' && p.value.trim().toLowerCase() === 'withdrawn');
}

export function propValue(item: { props?: { name: string; value: string }[] }, name: string): string | undefined {
  return item.props?.find((p) => p.name === name)?.value;
}
