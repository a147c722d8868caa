import type { FieldProblem, IdentityContext, IdentityFields } from './identity-context.ts';

interface Props {
  fields: IdentityFields;
  /** What the fields became: the context, the thing link and any malformed field. */
  identity: IdentityContext;
  onChange: (fields: IdentityFields) => void;
}

type TextField = {
  [K in keyof IdentityFields]: IdentityFields[K] extends string ? K : never;
}[keyof IdentityFields];

/** Who connects: the client ID, the registry thing and the certificate's subject and ID. */
export default function IdentityForm({ fields, identity, onChange }: Props) {
  const set = <K extends keyof IdentityFields>(key: K, value: IdentityFields[K]) =>
    onChange({ ...fields, [key]: value });

  // Problems sit outside the label, so an input's accessible name stays its label alone.
  const text = (key: TextField, label: string, extra: { placeholder?: string } = {}) => (
    <div class="hs-policy-sim__cell">
      <label class="hs-field">
        <span>{label}</span>
        <input
          value={fields[key]}
          onInput={(e) => set(key, e.currentTarget.value)}
          spellcheck={false}
          autocomplete="off"
          {...extra}
        />
      </label>
      <Problems field={key} problems={identity.problems} />
    </div>
  );

  return (
    <section class="hs-policy-sim__section" aria-label="Identity">
      <h3>Who connects</h3>
      <div class="hs-policy-sim__grid">
        {text('clientId', 'Client ID')}
        {text('sourceIp', 'Source IP (aws:SourceIp)')}
      </div>

      <fieldset class="hs-policy-sim__group">
        <legend>Registry thing</legend>
        <div class="hs-policy-sim__grid">
          {text('thingName', 'Thing name', { placeholder: 'none' })}
          {text('thingTypeName', 'Thing type')}
          <div class="hs-policy-sim__cell hs-policy-sim__wide">
            <label class="hs-field">
              <span>Thing attributes, one name=value per line</span>
              <textarea
                rows={2}
                value={fields.attributes}
                onInput={(e) => set('attributes', e.currentTarget.value)}
                spellcheck={false}
              />
            </label>
            <Problems field="attributes" problems={identity.problems} />
          </div>
        </div>
        <div class="hs-row">
          <label class="hs-check">
            <input
              type="checkbox"
              checked={fields.thingAttached}
              onChange={(e) => set('thingAttached', e.currentTarget.checked)}
            />
            Attached to the certificate
          </label>
          <label class="hs-check">
            <input
              type="checkbox"
              checked={fields.exclusive}
              disabled={!fields.thingAttached}
              onChange={(e) => set('exclusive', e.currentTarget.checked)}
            />
            Exclusive attachment
          </label>
        </div>
        <p
          class={`hs-policy-sim__link hs-policy-sim__link--${identity.link.linked ? 'yes' : 'no'}`}
          data-linked={identity.link.linked}
        >
          <span aria-hidden="true">{identity.link.linked ? '✔ ' : '✘ '}</span>
          {identity.link.why}
        </p>
      </fieldset>

      <fieldset class="hs-policy-sim__group">
        <legend>Client certificate</legend>
        <div class="hs-policy-sim__grid">
          {text('commonName', 'Subject CN (CommonName)')}
          {text('organization', 'Subject O (Organization)')}
          {text('organizationalUnit', 'Subject OU (OrganizationalUnit)')}
          {text('country', 'Subject C (Country)')}
          <div class="hs-policy-sim__wide">{text('certificateId', 'Certificate ID')}</div>
        </div>
      </fieldset>
    </section>
  );
}

function Problems({ field, problems }: { field: keyof IdentityFields; problems: FieldProblem[] }) {
  const mine = problems.filter((p) => p.field === field);
  if (mine.length === 0) return null;

  return (
    <span class="hs-policy-sim__field-problem" role="alert">
      {mine.map((p) => p.message).join(' ')}
    </span>
  );
}
