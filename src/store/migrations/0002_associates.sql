-- F9: each hub user has, per integration, the associate number the external system knows them by.
create table user_associates (
  user_id bigint not null references users (id),
  integration_id bigint not null references integrations (id),
  associate_number text not null,
  primary key (user_id, integration_id)
);
