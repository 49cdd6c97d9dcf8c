import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { Connection } from '../core/relay';
import { EmailDelivery, EmailDeliveryStatus, EmailKindValue } from './emailDelivery.entity';

export const EmailDeliveryConnection = Connection(EmailDelivery, 'EmailDelivery', 'A page of emails, newest first.');
export type EmailDeliveryConnection = InstanceType<typeof EmailDeliveryConnection>;

@InputType({ description: 'Narrows the list of emails.' })
export class EmailDeliveryFilterInput {
  @Field(() => EmailDeliveryStatus, { nullable: true, description: 'Only emails in this delivery state.' })
  status?: EmailDeliveryStatus | null;

  @Field(() => EmailKindValue, { nullable: true, description: 'Only emails of this kind.' })
  kind?: EmailKindValue | null;
}

@ArgsType()
export class EmailDeliveriesArgs {
  @Field(() => EmailDeliveryFilterInput, { nullable: true, description: 'Filters.' })
  filter?: EmailDeliveryFilterInput | null;

  @Field(() => Int, { nullable: true, description: 'Page size, 0–100 (default 20).' })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Cursor of the last item of the previous page.' })
  after?: string | null;
}
